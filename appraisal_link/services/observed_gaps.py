"""One rule for the gaps a weak area opens, whoever observed it (the supervisor's appraisal, the
public's survey, the colleagues' round): the area's competencies by the weak-area mapping HR edits
(and the position's technical ones where the mapping says so), each asking one level above the
current one and at least the position's standard. The callers say which areas are weak and why."""

from collections import defaultdict

from django.conf import settings
from django.utils import translation

from competency.models import Assessment, Gap
from competency.selectors import latest_levels, observed_gap_level, position_standards
from portal import stored_text

from ..models import WeakAreaMapping


class ObservedGaps:
    """Builds the gaps of (employee, weak area) pairs for a set of employees: the mapping, their
    positions' standards and their current levels are read once (three queries)."""

    def __init__(self, *, employees, areas=None):
        self.competencies: dict[str, list[int]] = defaultdict(list)
        self.technical: set[str] = set()
        rows = WeakAreaMapping.objects.all()
        if areas is not None:
            rows = rows.filter(area__in=list(areas))
        for area, competency_id, technical in rows.values_list("area", "competency_id", "position_technical"):
            if competency_id:
                self.competencies[area].append(competency_id)
            if technical:
                self.technical.add(area)
        employees = list(employees)
        self.standards = position_standards({employee.position_id for employee in employees})
        self.levels = latest_levels(Assessment.objects.filter(employee_id__in=[employee.pk for employee in employees]))
        self._texts: dict[str, str] = {}

    def _rendered(self, reason: stored_text.Source) -> str:
        """`reason` in the site's language, rendered once per distinct reason (an import has a few
        dozen, for thousands of gaps)."""
        key = repr(reason)
        if key not in self._texts:
            with translation.override(settings.LANGUAGE_CODE):
                self._texts[key] = stored_text.render(reason)
        return self._texts[key]

    def gaps(self, employee, area: str, *, source: str, origin: str, reason: stored_text.Source) -> list[Gap]:
        """The unsaved gaps that `area` being weak opens for `employee`, with `reason` stored in the
        site's language and as its source."""
        standard = self.standards.get(employee.position_id, {})
        targets = list(self.competencies.get(area, []))
        if area in self.technical:
            targets += [cid for cid, (_level, kind) in standard.items() if kind == "teknis"]
        text = self._rendered(reason)
        found = []
        for competency_id in dict.fromkeys(targets):
            level_now = self.levels.get((employee.pk, competency_id), 0)
            found.append(
                Gap(
                    employee_id=employee.pk,
                    competency_id=competency_id,
                    source=source,
                    origin=origin,
                    reason=text,
                    reason_source=reason,
                    required_level=observed_gap_level(
                        level_now=level_now, standard_level=standard.get(competency_id, (0, ""))[0]
                    ),
                    current_level=level_now,
                )
            )
        return found
