// A cheap round trip to Table Storage that proves it answers.
import { tableServiceClient } from './clients';

/** Resolves when Table Storage answers a one-item listing; rejects with the SDK's error otherwise. */
export async function pingTableStorage(): Promise<void> {
  await tableServiceClient().listTables().byPage({ maxPageSize: 1 }).next();
}
