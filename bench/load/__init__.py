"""The load test: locust scenario (locustfile), its accounts and plan (accounts), browser helpers, report."""
