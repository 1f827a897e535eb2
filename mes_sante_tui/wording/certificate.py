"""Wording of the « justificatif d'opposition » (guide 002, Opposition 4/4), PDF and text."""

TEXTS: dict[str, str] = {
    "certificate.page": "Page 1/1",
    "certificate.insured_number": "Numéro de l'assuré : {nir}",
    "certificate.insured_name": "Nom de l'assuré : {last_name} {first_names}",
    "certificate.date": "Le {date}",
    "certificate.title": "Votre justificatif d'opposition",
    "certificate.greeting": "Bonjour {first_names} {last_name},",
    "certificate.taken_into_account": (
        "Votre demande d'opposition à la création de Mon espace santé a bien été prise en "
        "compte le {date}."
    ),
    "certificate.change_of_mind": (
        "Vous pouvez revenir à tout moment sur votre décision en vous connectant sur "
        "monespacesante.fr."
    ),
    "certificate.closing": "Avec toute mon attention,",
    "certificate.signature": "Votre conseiller Mon espace santé",
    "certificate.fictitious": (
        "Document fictif produit par un simulateur de formation — sans valeur"
    ),
    # File names and PDF metadata (never shown inside the page).
    "certificate.filename": "justificatif-opposition-{who}-{date}",
    "certificate.filename_nobody": "assure",
    "certificate.pdf_subject": "Opposition à la création de Mon espace santé (document fictif)",
}
