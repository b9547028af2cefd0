-- Network pairs as a register: the form of the pair as the seeds name it («ресурсное
-- (донорское)», «паритетное», or as written), and the contract or order behind it, as written
-- («Договор № 01/2023 от 03.10.2023 года…») and as its number and date.
ALTER TABLE raw_network_pair ADD COLUMN IF NOT EXISTS form VARCHAR;
ALTER TABLE raw_network_pair ADD COLUMN IF NOT EXISTS contract VARCHAR;
ALTER TABLE raw_network_pair ADD COLUMN IF NOT EXISTS contract_number VARCHAR;
ALTER TABLE raw_network_pair ADD COLUMN IF NOT EXISTS contract_date DATE;
