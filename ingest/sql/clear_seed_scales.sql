-- Clears the shipped default grading scales before they are written again.
DELETE FROM seed_grading_scale;
