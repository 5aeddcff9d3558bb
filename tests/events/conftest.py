import datetime

import pytest
import time_machine

from events.factories import DateIndexPageFactory

# Tuesday 1 December 2026, 10:00 in Berlin: the next Wednesday hour is 2 December.
NOW = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def event_index(home):
    return DateIndexPageFactory(parent=home)
