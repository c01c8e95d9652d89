"""The learning part of the benchmark's data set: enrolments, progress, attempts, completions and
certificates, bulk-created (a mixin of dataset.Generator, which provides scale, rng and the pages)."""

import datetime

from django.db import connection
from django.utils import timezone

from courses.models import Certificate, CoursePage, Enrollment, LessonProgress, QuizAttempt

from .content import MEASURED_OFFSET


class LearningSteps:
    def learning(self):
        scale, rng, now = self.scale, self.rng, self.now
        year = timezone.localdate(now).year
        # The benchmark user: courses spread over the catalog, in fixed states (see user_plan).
        user_courses = [
            self.course_ids[((k * scale.courses) // scale.user_enrollments + MEASURED_OFFSET) % scale.courses]
            for k in range(scale.user_enrollments)
        ]
        self.measured_course_id = user_courses[0]
        plan = []  # (employee, course, state, done, due_at, completed_at)
        for k, course_id in enumerate(user_courses):
            n = len(self.lessons_of[course_id])
            if k == 0:  # measured: first lesson done, the quiz (2nd) failed once, open
                plan.append((0, course_id, "measured", 1, now + datetime.timedelta(days=7), None))
            elif k % 4 == 1:
                plan.append((0, course_id, "done", n, None, now - datetime.timedelta(days=20 + k)))
            elif k % 4 == 2:
                plan.append((0, course_id, "open", n // 2, now + datetime.timedelta(days=10 + k), None))
            elif k % 4 == 3:
                plan.append((0, course_id, "open", 0, now + datetime.timedelta(days=40 + k), None))
            else:
                plan.append((0, course_id, "done", n, None, now - datetime.timedelta(days=380 + k)))
        # The measured course requires another course the user has completed.
        self.prerequisite_course_id = plan[1][1] if scale.user_enrollments > 1 else None

        # Everyone else: about the same number of courses each, none twice.
        others = scale.enrollments - scale.user_enrollments
        people = max(scale.employees - 1, 1)
        pairs = []
        for e in range(1, scale.employees):
            share = others // people + (1 if e - 1 < others % people else 0)
            for course_index in rng.sample(range(scale.courses), min(share, scale.courses)):
                pairs.append((e, self.course_ids[course_index]))
        rng.shuffle(pairs)

        # Progress: completed enrolments have every lesson; the others the first k lessons.
        remaining = scale.progress - sum(step[3] for step in plan)
        sizes = [len(self.lessons_of[c]) for _e, c in pairs]
        mean_n = sum(sizes) / len(sizes) if sizes else 0
        mean_partial = sum((n - 1) / 2 for n in sizes) / len(sizes) if sizes else 0
        wanted = remaining / len(pairs) if pairs else 0
        share_done = (
            0.0 if mean_n == mean_partial else min(max((wanted - mean_partial) / (mean_n - mean_partial), 0), 1)
        )
        done = []
        for n in sizes:
            done.append(n if rng.random() < share_done else rng.randint(0, n - 1))
        # Nudge partial enrolments one lesson at a time until the total is exact.
        gap = remaining - sum(done)
        order = list(range(len(pairs)))
        rng.shuffle(order)
        while gap:
            moved = False
            for idx in order:
                if gap == 0:
                    break
                n = sizes[idx]
                if gap > 0 and done[idx] < n - 1:
                    done[idx] += 1
                    gap -= 1
                    moved = True
                elif gap < 0 and 0 < done[idx] < n:
                    done[idx] -= 1
                    gap += 1
                    moved = True
            if not moved:
                self.log(f"  warning: {gap} progress rows could not be placed")
                break
        for (e, course_id), k, n in zip(pairs, done, sizes, strict=True):
            if k == n:
                completed = now - datetime.timedelta(days=rng.randint(1, 700))
                plan.append((e, course_id, "done", k, None, completed))
            else:
                due = now + datetime.timedelta(days=rng.randint(-30, 90)) if rng.random() < 0.3 else None
                plan.append((e, course_id, "open", k, due, None))

        enrollments = []
        for e, course_id, _state, _k, due, completed in plan:
            jp = self.course_jp[course_id]
            enrollments.append(
                Enrollment(
                    employee=self.employees[e],
                    course_id=course_id,
                    source="penugasan" if due is not None else "mandiri",
                    due_at=due,
                    completed_at=completed,
                    final_score=rng.randint(70, 100) if completed else None,
                    jp_awarded=jp if completed else 0,
                    jp_year=timezone.localdate(completed).year if completed else None,
                )
            )
        enrollments = Enrollment.objects.bulk_create(enrollments, batch_size=5000)
        self.log(f"    {len(enrollments)} enrollments, {sum(1 for p in plan if p[5])} completed ({year} and earlier)")

        progress_rows, attempts = [], []
        attempt_budget = scale.attempt_enrollments
        for enrollment, (e, course_id, state, k, _due, _completed) in zip(enrollments, plan, strict=True):
            lessons = self.lessons_of[course_id]
            with_attempts = e == 0 or (attempt_budget > 0 and k > 1)
            if e != 0 and with_attempts:
                attempt_budget -= 1
            for lesson_id, quiz in lessons[:k]:
                progress_rows.append(LessonProgress(enrollment=enrollment, lesson_id=lesson_id))
                if quiz and with_attempts:
                    number = 1
                    if (lesson_id + e) % 3 == 0:  # failed once first
                        attempts.append(self._attempt(enrollment, lesson_id, number, 33, False))
                        number += 1
                    attempts.append(self._attempt(enrollment, lesson_id, number, 100, True))
            if state == "measured":
                attempts.append(self._attempt(enrollment, lessons[1][0], 1, 33, False))
        for start in range(0, len(progress_rows), 20000):
            LessonProgress.objects.bulk_create(progress_rows[start : start + 20000], batch_size=5000)
        QuizAttempt.objects.bulk_create(attempts, batch_size=5000)
        self.log(f"    {len(progress_rows)} lesson progress rows, {len(attempts)} quiz attempts")

        # A certificate for every completed enrolment (the PDF files themselves are not written).
        completed = [(en, plan_row) for en, plan_row in zip(enrollments, plan, strict=True) if plan_row[5]]
        certificates = []
        for number, (enrollment, (e, course_id, _s, _k, _d, completed_at)) in enumerate(completed):
            employee = self.employees[e]
            certificates.append(
                Certificate(
                    enrollment=enrollment,
                    code=f"BENCH{number:07d}",
                    holder_name=employee.name,
                    holder_nip=employee.nip,
                    course_title=self.course_titles[course_id],
                    jp=enrollment.jp_awarded,
                    score=enrollment.final_score,
                    completed_on=timezone.localdate(completed_at),
                    pdf=f"sertifikat/BENCH{number:07d}.pdf",
                    sha256="0" * 64,
                )
            )
        Certificate.objects.bulk_create(certificates, batch_size=5000)
        self.log(f"    {len(certificates)} certificates")

        # auto_now_add stamped everything "now": spread the dates as a real history would be.
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE courses_enrollment SET enrolled_at = coalesce(completed_at, now()) "
                "- ((id % 60) + 1) * interval '1 day'"
            )
            cursor.execute(
                "UPDATE courses_certificate c SET issued_at = e.completed_at FROM courses_enrollment e "
                "WHERE e.id = c.enrollment_id"
            )
        if self.prerequisite_course_id:
            CoursePage.prerequisites.through.objects.get_or_create(
                from_coursepage_id=self.measured_course_id, to_coursepage_id=self.prerequisite_course_id
            )

    def _attempt(self, enrollment, lesson_id, number, score, passed):
        results = [{"id": f"q{i}", "correct": passed or i == 0} for i in range(3)]
        return QuizAttempt(
            enrollment=enrollment,
            lesson_id=lesson_id,
            number=number,
            answers={},
            results=results,
            score=score,
            passed=passed,
        )

    # --- after the data ------------------------------------------------------------------------
