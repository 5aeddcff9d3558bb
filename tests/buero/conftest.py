import datetime

import pytest
import time_machine

#: The day the review and dashboard tests live in.
TODAY = datetime.date(2026, 11, 25)


@pytest.fixture
def frozen_today():
    """Freeze the clock on TODAY, 10:00 in Tangerhütte."""
    with time_machine.travel(datetime.datetime(2026, 11, 25, 9, tzinfo=datetime.UTC), tick=False):
        yield TODAY
