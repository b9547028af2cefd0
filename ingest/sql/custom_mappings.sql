-- The saved column mappings of a region's own tables, oldest first.
SELECT mapping_json FROM custom_mapping ORDER BY saved_at;
