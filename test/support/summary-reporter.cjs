// Prints the run's totals as one plain line ("N passed, N failed") after Jest's own summary, so
// CI logs end with a line any tool can read.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}`;
    // Jest's own summary is written after the reporters return: print ours at exit to come last.
    process.once('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
module.exports = SummaryReporter;
