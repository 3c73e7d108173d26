/**
 * Thrown when data does not match the results schema. The message names where the data came
 * from and the field path, e.g. `results/x.json: entries[2].cases[0].figures.throughput.median:
 * expected a finite number`, so a reader can open the file and go straight to the field.
 */
export class SchemaError extends Error {
  override name = 'SchemaError';
  /** Where the data came from: a file path, or e.g. `adapter line`. */
  readonly source: string;
  /** Field path inside the data; empty for the root. */
  readonly path: string;
  /** What was wrong, e.g. `expected a finite number`. */
  readonly problem: string;

  constructor(source: string, path: string, problem: string) {
    super(path === '' ? `${source}: ${problem}` : `${source}: ${path}: ${problem}`);
    this.source = source;
    this.path = path;
    this.problem = problem;
  }
}
