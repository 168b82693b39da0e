/** The admin write path: the only REST code that may create, change or delete mappings. */
package dcl.registry.adapters.rest.admin;
