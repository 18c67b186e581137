/** Something named in the request (a dataset, a job) does not exist: answered with 404. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}
