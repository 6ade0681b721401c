// Stops the test run's Azurite.
export default async function globalTeardown(): Promise<void> {
  await globalThis.__AZURITE__?.stop();
}
