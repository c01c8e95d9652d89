from .pages import (
    ChangeArticlePage,
    ChangeEventPage,
    ChangeHubPage,
    FAQPage,
    GuidePage,
    StoryPage,
)
from .records import Acknowledgement, EventRegistration
from .surveys import Dimension, PulseSurvey, SurveyAnswer, SurveyParticipation, SurveyQuestion, SurveyResponse

__all__ = [
    "Acknowledgement",
    "ChangeArticlePage",
    "ChangeEventPage",
    "ChangeHubPage",
    "Dimension",
    "EventRegistration",
    "FAQPage",
    "GuidePage",
    "PulseSurvey",
    "StoryPage",
    "SurveyAnswer",
    "SurveyParticipation",
    "SurveyQuestion",
    "SurveyResponse",
]
