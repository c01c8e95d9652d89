"""The benchmark's cover images: generated PNGs, stored as Wagtail images."""

import io

from django.core.files.images import ImageFile

from .scales import Scale


def _cover_png(index: int) -> bytes:
    from PIL import Image as PILImage
    from PIL import ImageDraw

    colours = ["#0a4a7a", "#f2b705", "#2e7d32", "#8e24aa", "#c62828", "#00838f"]
    image = PILImage.new("RGB", (960, 540), colours[index % len(colours)])
    draw = ImageDraw.Draw(image)
    draw.rectangle([60, 60, 900, 480], outline="white", width=12)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def ensure_cover_files():
    """The images' original files live outside the database: put them back when a reused database
    outlives its media directory (renditions already in the database are used as they are)."""
    from wagtail.images import get_image_model

    restored = 0
    for index, image in enumerate(get_image_model().objects.filter(title__startswith="Sampul bench").order_by("pk")):
        storage = image.file.storage
        if not storage.exists(image.file.name):
            storage.save(image.file.name, io.BytesIO(_cover_png(index)))
            restored += 1
    return restored


def _create_cover_images(scale: Scale) -> list:
    from wagtail.images import get_image_model

    image_model = get_image_model()
    images = []
    for index in range(scale.cover_images):
        image = image_model(title=f"Sampul bench {index + 1}")
        image.file = ImageFile(io.BytesIO(_cover_png(index)), name=f"sampul-bench-{index + 1}.png")
        image.save()
        images.append(image)
    return images
