"""The appraisal API against its own OpenAPI description, over real HTTP: schemathesis generates
bodies (valid, and wrong in every way the schema allows it to imagine) and every answer must be a
documented one, never a server error.

The schema cannot say everything the import checks (a NIP's birth date, an unknown unit), so a
schema-valid body may rightly be refused with 400 and its list of errors: that check is left out. So
is the one for methods the schema does not list: Django's CSRF protection answers an unknown unsafe
method (QUERY, say) with 403 before any view can say 405, which is as safe.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance, unsupported_method

from appraisal_link.api.schema import openapi_schema
from appraisal_link.api.services import api_client_create

schema = schemathesis.openapi.from_dict(openapi_schema())


@pytest.fixture
def api_key(transactional_db, django_db_serialized_rollback):
    return api_client_create(name="Uji skema").key


@schema.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_answer_of_the_api_is_documented_and_none_is_a_server_error(case, live_server, api_key):
    case.call_and_validate(
        base_url=live_server.url,
        headers={"Authorization": f"Token {api_key}"},
        excluded_checks=[positive_data_acceptance, unsupported_method],
    )
