"""Reading and checking appraisal records, from a CSV/XLSX file or from the API, before anything is written.

- `columns`: the column names and how a header is matched to them.
- `values`: one cell at a time: ratings, predikat, period, year, NIP (including NIPs Excel mangled).
- `readers`: a CSV (sniffed delimiter, with or without BOM) or XLSX file as a stream of rows.
- `validation`: one row at a time into a compact `Record`, collecting every problem with its row.
- `plan`: the checks that need the database, done in bulk, and what a write would change.
- `report`: the problems as a table (job page, error file, command).
- `template`: the template files HR downloads.
- `selectors`: reads of the import jobs.

The writes themselves are `appraisal_link.services.imports`.
"""
