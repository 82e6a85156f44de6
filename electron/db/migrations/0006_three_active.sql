-- 0006_three_active: the tables of this domain are written here by hand (see docs/ARCHITECTURE.md, Migrations).
SELECT 1;
