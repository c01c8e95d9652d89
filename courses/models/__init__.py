from .learning import Certificate, Enrollment, LessonProgress, QuizAttempt
from .pages import CourseCompetency, CourseIndexPage, CoursePage, LessonPage
from .trainers import CourseTrainer

__all__ = [
    "Certificate",
    "CourseCompetency",
    "CourseIndexPage",
    "CoursePage",
    "CourseTrainer",
    "Enrollment",
    "LessonPage",
    "LessonProgress",
    "QuizAttempt",
]
