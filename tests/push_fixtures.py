"""The push-service stand-in as a pytest fixture."""
import pytest

from push_service import PushServiceStandIn


@pytest.fixture
def push_service():
    service = PushServiceStandIn().start()
    yield service
    service.stop()
