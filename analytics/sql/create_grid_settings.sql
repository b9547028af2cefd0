-- The status × change grid of the methodology: the cuts of each indicator, the colour of each cell.
CREATE OR REPLACE TABLE methodology_grid (indicator VARCHAR, status_cuts DOUBLE[], change_cuts DOUBLE[]);
CREATE OR REPLACE TABLE methodology_grid_color (status_level INTEGER, change_level INTEGER, color_level INTEGER);
