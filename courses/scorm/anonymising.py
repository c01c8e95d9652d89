"""Anonymising a person who has left: the SCORM part. Status, score and time stay (the course report
reads them); what the package kept about the learner (its suspend data, which may hold their answers
and words, and where they were) is cleared."""

from portal.people.models import Employee

from .models import ScormAttempt


def scorm_records_anonymise(*, employee: Employee) -> int:
    return ScormAttempt.objects.filter(enrollment__employee=employee).update(suspend_data="", location="")
