from .learning import Certificate, Enrollment, LessonProgress, QuizAttempt
from .pages import CourseCompetency, CourseIndexPage, CoursePage, LessonPage

__all__ = [
    "Certificate",
    "CourseCompetency",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "LessonPage",
    "LessonProgress",
    "QuizAttempt",
]
