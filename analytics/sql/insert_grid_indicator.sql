-- The cuts of one indicator, given as list literals such as '[10,20]'.
INSERT INTO methodology_grid VALUES ($indicator, $status::DOUBLE[], $change::DOUBLE[]);
