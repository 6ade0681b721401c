// A test file's own Azurite, for files that run queue triggers: no other file's host can take their messages.
import { startAzurite, type RunningAzurite } from '../../dev/azurite';

/** Points this test file's settings at a fresh Azurite; call before anything has read the settings. */
export async function useOwnAzurite(): Promise<RunningAzurite> {
  const azurite = await startAzurite();
  // Jest gives each test file its own copy of process.env, so this stays within the file.
  process.env.AzureWebJobsStorage = azurite.connectionString;
  return azurite;
}
