// `npm run bench`: the benchmarks, one after another. Only the ingest benchmark (issue #5) so far;
// ingest.ts prints its figures and exits the process when done.
import "./ingest.ts";
