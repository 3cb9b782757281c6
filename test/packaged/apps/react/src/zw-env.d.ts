// The JSX types of the zw-* elements, as the README tells a React app to add them.
/// <reference types="zhengwu-widgets/react" />
