-- An approval records the mapping it is about: the one its change acts on (deprecate, confirm), or the one
-- its approval created or changed (map a field, a rename's new field).

ALTER TABLE approvals ADD COLUMN mapping_id varchar(36);

UPDATE approvals SET mapping_id = change::json ->> 'mapping'
 WHERE change_type IN ('deprecate_field', 'confirm_mapping');

-- Approved before this column existed: the mapping that now holds the approved field's identity.
UPDATE approvals a SET mapping_id = f.id
  FROM field_mappings f
 WHERE a.status = 'APPROVED' AND a.change_type IN ('map_field', 'rename_field') AND a.mapping_id IS NULL
   AND f.tenant_id = a.tenant_id AND f.connector = a.connector
   AND lower(f.source_table) = lower(a.source_table) AND f.source_field = a.source_field;
