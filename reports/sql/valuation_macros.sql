-- Formatting macros for the `basis` sentences (TEMP: not part of the warehouse file).
CREATE OR REPLACE TEMP MACRO rv_money(cur, x) AS
    coalesce(cur, '') || ' ' || format('{:,.2f}', CAST(round(x, 2) AS DOUBLE));
CREATE OR REPLACE TEMP MACRO rv_pct(x) AS format('{:g}%', round(CAST(x AS DOUBLE) * 100, 4));
CREATE OR REPLACE TEMP MACRO rv_day(d) AS strftime(d, '%Y-%m-%d');
