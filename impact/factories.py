import factory

from .models import Conversation, ConversationKind, Visitor


class ConversationFactory(factory.django.DjangoModelFactory):
    kind = ConversationKind.OPEN_HOUR
    visitor = Visitor.FAMILY
    language = "de"

    class Meta:
        model = Conversation
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)

    @factory.post_generation
    def referred_to(self, create, extracted, **kwargs):
        if create and extracted:
            self.referred_to.set(extracted)
