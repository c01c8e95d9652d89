"""The two data-set sizes, without Django: the database is prepared before Django is set up."""

from dataclasses import asdict, dataclass

# Bump when the generator changes: a database built by another version is rebuilt.
GENERATOR_VERSION = 3

PAGE_BUDGET_MS = 50.0  # median, per page
PDF_BUDGET_MS = 1000.0  # median, per certificate


@dataclass(frozen=True)
class Scale:
    name: str
    courses: int
    lessons_min: int  # lessons per course: from lessons_min to lessons_max (content.lesson_count)
    lessons_max: int
    employees: int
    enrollments: int
    progress: int  # LessonProgress rows, in total
    user_enrollments: int  # of the benchmark user, included in `enrollments`
    attempt_enrollments: int  # other enrolments whose passed quizzes get QuizAttempt rows
    cover_images: int
    seed: int = 20260101

    def fingerprint(self) -> str:
        fields = asdict(self)
        return f"v{GENERATOR_VERSION}:" + ",".join(f"{key}={value}" for key, value in fields.items())


# 1,000 courses need at least 10 lessons on average for 200,000 progress rows over 20,000 enrolments
# (each enrolment can have at most one row per lesson of its course): 6-18 lessons, 12 on average.
SCALES = {
    "small": Scale(
        name="small",
        courses=10,
        lessons_min=3,
        lessons_max=3,
        employees=10,
        enrollments=10,
        progress=10,
        user_enrollments=5,
        attempt_enrollments=2,
        cover_images=5,
    ),
    "full": Scale(
        name="full",
        courses=1000,
        lessons_min=6,
        lessons_max=18,
        employees=2000,
        enrollments=20000,
        progress=200000,
        user_enrollments=20,
        attempt_enrollments=1000,
        cover_images=5,
    ),
}
