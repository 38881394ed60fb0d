import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { describeIngest } from './ingest-contract.ts';

describeIngest('the embedded store', (dir) => MemoryGraphStore.open(dir));
