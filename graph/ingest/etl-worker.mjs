// Starts the ETL thread: TypeScript sources need the tsx loader, which a worker does not inherit
// from a process started with `--import tsx` (nor from a test runner), so it registers it here.
import { register } from 'tsx/esm/api';

register();
await import('./etl-worker.ts');
