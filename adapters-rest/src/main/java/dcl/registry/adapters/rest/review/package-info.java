/** The approval workflow's REST resources (reviewers and submitters). */
package dcl.registry.adapters.rest.review;
