from django.urls import path

from izvedba.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.preview, name="preview"),
    path("<int:pk>/shrani/", views.apply, name="apply"),
    path("<int:pk>/zavrzi/", views.discard, name="discard"),
]
