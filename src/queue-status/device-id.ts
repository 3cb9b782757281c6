/** Where the device's random id is kept. */
export const DEVICE_ID_KEY = 'zw-device-id';

/**
 * A random id for this browser, sent as `Zw-Device-Id` with online ticket takes so the server can hold one device to
 * its daily share even when a whole hall shares one address (the guest Wi-Fi). It says nothing about the resident,
 * is never sent anywhere else, and a private window or cleared storage simply gets a new one. Undefined where
 * storage is unavailable: the server then applies its per-address limits only.
 */
export function deviceId(): string | undefined {
  try {
    let id = localStorage.getItem(DEVICE_ID_KEY);
    if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
      id = crypto.randomUUID().replaceAll('-', '');
      localStorage.setItem(DEVICE_ID_KEY, id);
    }
    return id;
  } catch {
    return undefined;
  }
}
