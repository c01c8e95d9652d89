from .learning import Certificate, Enrollment, LessonProgress, QuizAttempt
from .pages import CourseIndexPage, CoursePage, LessonPage

__all__ = [
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "LessonPage",
    "LessonProgress",
    "QuizAttempt",
]
