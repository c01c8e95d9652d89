"""StreamField blocks of lessons: content blocks, and quiz questions graded on the server."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

from portal.pages.blocks import BaseStreamBlock


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Judul video"), max_length=120)
    file = DocumentChooserBlock(label=_("Berkas video (MP4/WebM)"), required=False)
    embed = EmbedBlock(label=_("Atau tautan video (mis. YouTube)"), required=False)
    caption = blocks.CharBlock(label=_("Keterangan / transkrip singkat"), required=False, max_length=300)

    class Meta:
        icon = "media"
        template = "courses/blocks/video_block.html"
        label = _("Video")
        description = _("Video unggahan atau tautan sematan, dengan keterangan.")
        preview_value = {"title": "Pengantar keamanan e-mail", "caption": "Durasi 4 menit."}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("file")) == bool(value.get("embed")):
            raise StructBlockValidationError(
                block_errors={"file": ValidationError(_("Pilih berkas video atau isi tautan, salah satu saja."))}
            )
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokumen"))
    title = blocks.CharBlock(label=_("Judul tautan"), max_length=120, required=False)

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/document_block.html"
        label = _("Dokumen unduhan")
        description = _("Berkas yang dapat diunduh peserta (PDF, DOCX, XLSX, ...).")


class AnswerChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Pilihan"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("Jawaban benar"), required=False)

    class Meta:
        icon = "radio-full"
        label = _("Pilihan jawaban")


class QuestionBlock(blocks.StructBlock):
    """A quiz question. The page never receives which answer is right; grading is `grade()`."""

    question = blocks.TextBlock(label=_("Pertanyaan"), max_length=1000)
    feedback_correct = blocks.TextBlock(label=_("Umpan balik bila benar"), required=False, max_length=600)
    feedback_incorrect = blocks.TextBlock(label=_("Umpan balik bila salah"), required=False, max_length=600)

    is_question = True
    multiple = False

    def options(self, value) -> list[str]:
        """The choices as shown to the learner, in order (text only)."""
        return [choice["text"] for choice in value["choices"]]

    def correct(self, value) -> set[int]:
        return {index for index, choice in enumerate(value["choices"]) if choice["is_correct"]}

    def grade(self, value, selected: set[int]) -> bool:
        return selected == self.correct(value)

    def answer_error(self, correct: set[int]):
        """Why the marked answers cannot be right for this kind of question, or None."""
        return None

    def clean(self, value):
        value = super().clean(value)
        error = self.answer_error(self.correct(value))
        if error:
            raise StructBlockValidationError(block_errors={"choices": ValidationError(error)})
        return value


class ChoiceQuestionBlock(QuestionBlock):
    """A question whose options the trainer writes, marking the right ones."""

    choices = blocks.ListBlock(AnswerChoiceBlock(), label=_("Pilihan"), min_num=2, max_num=8)


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "radio-empty"
        template = "courses/blocks/question_block.html"
        label = _("Soal pilihan tunggal")
        description = _("Satu jawaban benar di antara beberapa pilihan.")
        preview_value = {
            "question": "Apa yang sebaiknya dilakukan saat menerima e-mail berisi tautan mencurigakan?",
            "choices": [
                {"text": "Mengeklik tautannya untuk memeriksa", "is_correct": False},
                {"text": "Melaporkannya ke tim TIK dan tidak mengekliknya", "is_correct": True},
            ],
        }

    def answer_error(self, correct: set[int]):
        return None if len(correct) == 1 else _("Soal pilihan tunggal harus punya tepat satu jawaban benar.")


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    multiple = True

    class Meta:
        icon = "tasks"
        template = "courses/blocks/question_block.html"
        label = _("Soal pilihan ganda (lebih dari satu benar)")
        description = _("Peserta memilih semua jawaban yang benar; nilai penuh hanya bila tepat semuanya.")
        preview_value = {
            "question": "Mana saja ciri kata sandi yang kuat?",
            "choices": [
                {"text": "Minimal 12 karakter", "is_correct": True},
                {"text": "Tanggal lahir sendiri", "is_correct": False},
                {"text": "Berbeda untuk setiap aplikasi", "is_correct": True},
            ],
        }

    def answer_error(self, correct: set[int]):
        return None if correct else _("Tandai paling sedikit satu jawaban benar.")


class TrueFalseQuestionBlock(QuestionBlock):
    answer = blocks.ChoiceBlock(
        label=_("Jawaban benar"), choices=[("benar", _("Benar")), ("salah", _("Salah"))], default="benar"
    )

    class Meta:
        icon = "help"
        template = "courses/blocks/question_block.html"
        label = _("Soal benar/salah")
        description = _("Pernyataan yang dinilai benar atau salah.")
        preview_value = {"question": "Kata sandi boleh dibagikan kepada rekan satu bidang.", "answer": "salah"}

    def options(self, value) -> list[str]:
        return [str(_("Benar")), str(_("Salah"))]

    def correct(self, value) -> set[int]:
        return {0 if value["answer"] == "benar" else 1}


class LessonStreamBlock(BaseStreamBlock):
    """What a lesson may contain: the shared content blocks, media, and quiz questions."""

    video = VideoBlock()
    document = DocumentBlock()
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()


def questions_of(body) -> list:
    """The question children of a lesson body, in order."""
    return [child for child in body if getattr(child.block, "is_question", False)]
