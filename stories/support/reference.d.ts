// The recording of the reference API that .storybook/reference-api.ts serves to the stories (one chunk per part).
declare module 'virtual:zw-reference/queue' {
  const part: import('../../.storybook/reference-api.ts').QueueRecording;
  export default part;
}
declare module 'virtual:zw-reference/ratings' {
  const part: import('../../.storybook/reference-api.ts').RatingsRecording;
  export default part;
}
declare module 'virtual:zw-reference/system' {
  const part: import('../../.storybook/reference-api.ts').SystemRecording;
  export default part;
}
declare module 'virtual:zw-reference/catalogue' {
  const part: import('../../.storybook/reference-api.ts').CatalogueRecording;
  export default part;
}
declare module 'virtual:zw-reference/services' {
  const part: import('../../.storybook/reference-api.ts').ServicesRecording;
  export default part;
}
