import datetime

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="coursepage",
            name="last_reviewed",
            field=models.DateField(
                default=datetime.date(2026, 11, 25),
                help_text="Wann haben Sie zuletzt geprüft, ob alles noch stimmt? Wird Besuchern gezeigt.",
                verbose_name="Zuletzt geprüft am",
            ),
            preserve_default=False,
        ),
    ]
