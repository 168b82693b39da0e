/**
 * Jakarta Batch jobs and their artifacts: they read and write files under the jobs root and call
 * use cases; progress and reports go to the job records, checkpoints to the batch repository in
 * PostgreSQL.
 */
package dcl.registry.batch;
