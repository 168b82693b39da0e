/**
 * Long-running operations (import, parity, export, backup, restore): what they are, their progress,
 * who may run them.
 */
package dcl.registry.domain.job;
