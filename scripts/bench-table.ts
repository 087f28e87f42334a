/**
 * `npx tsx scripts/bench-table.ts`: regenerates the README's benchmark table (between `<!-- bench:start -->` and
 * `<!-- bench:end -->`) from bench/results/*.json. `npm run bench` does this itself after measuring;
 * test/bench-table.test.ts fails when the README and the results disagree.
 */
import { updateReadmeTable } from "../bench/support/table";

updateReadmeTable();
console.log("README.md benchmark table regenerated from bench/results/*.json");
