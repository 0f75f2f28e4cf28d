-- Formatting macros for the `basis` sentences, and the split of a value (TEMP: not part of the
-- warehouse file).
-- a money value in whole cents, rounded in DECIMAL on every DuckDB version: warehouse/sql/catalogue_macros.sql
-- defines it for the build; defined again here for connections that run the reports' steps alone
CREATE OR REPLACE TEMP MACRO cents(x) AS round(CAST(x AS DECIMAL(38, 8)), 2);
CREATE OR REPLACE TEMP MACRO rv_money(cur, x) AS
    coalesce(cur, '') || ' ' || format('{:,.2f}', CAST(cents(x) AS DOUBLE));
CREATE OR REPLACE TEMP MACRO rv_pct(x) AS format('{:g}%', round(CAST(x AS DOUBLE) * 100, 4));
CREATE OR REPLACE TEMP MACRO rv_day(d) AS strftime(d, '%Y-%m-%d');
-- a share of a money value, in cents, in DECIMAL (a half cent rounds away from zero whatever its
-- binary form): the product is formed in DECIMAL(38, 12), since DECIMAL(18, 2) x DECIMAL(18, 10)
-- stays in 18 digits and overflows from about 2.6 million at a 35 % share
CREATE OR REPLACE TEMP MACRO rv_share_of(x, rate) AS
    CAST(round(CAST(cents(x) AS DECIMAL(38, 2)) * CAST(rate AS DECIMAL(38, 10)), 2) AS DECIMAL(18, 2));
