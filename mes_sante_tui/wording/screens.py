"""Wording of the journey's screens, after guides 000 and 002 (../shared/seeds/)."""

from .rules import HOURS_3422, PHONE_3422, PRICE_3422

TEXTS: dict[str, str] = {
    "app.title": "Mon espace santé — simulateur",
    "app.subtitle": "Parcours {variant} · règles {rules}",
    "variant.code-first": "code d'abord",
    "variant.identity-first": "identité d'abord",
    # --- keys (footer) ---
    "key.quit": "Quitter",
    "key.quit.tip": "Quitter l'application (Ctrl+Q)",
    "key.outbox": "Boîte d'envoi",
    "key.outbox.tip": "Afficher ou masquer la boîte d'envoi simulée (F2)",
    "key.help": "Aide",
    "key.help.tip": "L'aide de cet écran (F1)",
    "key.back": "Retour",
    "key.back.tip": "Revenir à l'écran précédent (Échap)",
    "key.show_password": "Afficher/masquer",
    "key.show_password.tip": "Afficher ou masquer les mots de passe saisis (F3)",
    # --- stepper stages ---
    "stage.identify": "Je m'identifie",
    "stage.decision": "Ma décision",
    "stage.contacts": "Mes coordonnées",
    "stage.identity": "Mon identité",
    "stage.code": "Mon code",
    "stage.activation": "Activation",
    "stage.account": "Mon compte",
    # --- common buttons ---
    "button.continue": "Continuer",
    "button.cancel": "Annuler",
    "button.validate": "Valider",
    "button.back": "← Retour",
    # --- home ---
    "home.kicker": "LE SERVICE PUBLIC POUR GÉRER SA SANTÉ",
    "home.title": "Vous avez la main sur votre santé",
    "home.lead": (
        "Mon espace santé vous permet de stocker et partager vos documents et données de santé "
        "en toute confidentialité."
    ),
    "home.activate": "Activer Mon espace santé",
    "home.help": (
        "Page d'accueil du site Mon espace santé (simulé). « Activer Mon espace santé » ouvre "
        "la page d'activation. F2 affiche ou masque la boîte d'envoi : e-mails, SMS et "
        "courriers simulés, avec les codes qu'ils contiennent."
    ),
    # --- start (Commencer): guide 002 (code first), and guide 000 (identity first) ---
    "start.title": "Activation de Mon espace santé",
    "start.title.identity-first": "Activer Mon espace santé",
    "start.need": "Pour l'activer ou m'y opposer j'ai besoin d'avoir :",
    "start.need.identity-first": "Pour l'activer, j'ai besoin de :",
    "start.need.code": "• Le code provisoire reçu par e-mail ou courrier",
    "start.need.card": "• Ma carte Vitale",
    "start.need.nir": "• Mon numéro de sécurité sociale",
    "start.need.serial": "• Mon numéro de série de carte Vitale",
    "start.need.time": "• 5 minutes de mon temps",
    "start.begin": "Commencer",
    # The guides' links: a question, then the link itself.
    "start.no_code": "Je n'ai pas de code provisoire ?",
    "start.regenerate": "Générer un nouveau code provisoire",
    "start.already": "J'ai déjà activé Mon espace santé ?",
    "start.login": "Me connecter",
    "start.login.identity-first": "Se connecter",
    "start.help": (
        "Avant de commencer, ayez sous la main le code provisoire reçu par e-mail ou courrier "
        "et votre carte Vitale. « Commencer » ouvre « Je m'identifie ». Sans code provisoire : "
        "« Générer un nouveau code provisoire ». Mon espace santé déjà activé : « Me "
        "connecter »."
    ),
    "start.help.identity-first": (
        "Avant de commencer, ayez sous la main votre numéro de sécurité sociale et votre carte "
        "Vitale (son numéro de série) : le code provisoire vous sera envoyé pendant la "
        "démarche. « Commencer » ouvre la première étape, la date de naissance. Mon espace "
        "santé déjà activé : « Se connecter »."
    ),
    # --- identify (Je m'identifie) ---
    "identify.title": "Je m'identifie",
    "identify.intro": (
        "Pour vous identifier, veuillez saisir le code provisoire reçu par e-mail ou courrier, "
        "votre numéro de sécurité sociale ainsi que le numéro de série de votre carte Vitale."
    ),
    "identify.required_note": "Tous les champs sont obligatoires.",
    "field.code": "Code provisoire composé de 12 caractères",
    "field.code.hint": (
        "Ex. : HuqZF3KXCz8k — lettres et chiffres, majuscules et minuscules comptent"
    ),
    "field.nir": "Numéro de sécurité sociale",
    "field.nir.hint": "Ex. : 1 55 12 55 555 555 55 — 15 caractères, espaces permis",
    "link.where_nir": "Où trouver mon numéro de sécurité sociale ?",
    "field.model": "Ma carte Vitale",
    "field.model.without": "Carte Vitale sans photo",
    "field.model.with": "Carte Vitale avec photo",
    "field.serial": "Numéro de série de carte Vitale",
    "field.serial.hint.without": "Ex : 953701166 — de 8 à 13 chiffres, au dos en haut à gauche",
    "field.serial.hint.with": (
        "Ex : 0102457612 4 — les 11 chiffres qui suivent 8025000002, en haut à droite"
    ),
    "field.serial.hint.none": "Choisissez d'abord le modèle de votre carte Vitale",
    "link.where_serial": "Où trouver mon numéro de série de carte Vitale ?",
    "identify.help": (
        "Saisissez le code provisoire (12 caractères, reçu par e-mail ou courrier : voir la "
        "boîte d'envoi avec F2), le numéro de sécurité sociale du destinataire du message (pour "
        "un enfant : celui du parent), le modèle de carte Vitale puis son numéro de série."
    ),
    # --- decision ---
    "decision.hello": "Bonjour {first_name} !",
    "decision.title": "Je prends ma décision",
    "decision.title.identity-first": "Activation",
    "decision.child": "Profil concerné : {name}",
    "decision.activate": "J'active Mon espace santé",
    "decision.activate.text": (
        "J'active Mon espace santé et j'accède à mon dossier médical, mes documents et mes "
        "mesures de santé."
    ),
    "decision.oppose": "Je m'oppose à la création de Mon espace santé",
    "decision.oppose.text": "Si je change d'avis, je peux à tout moment ouvrir Mon espace santé.",
    "decision.consent_label": (
        "J'accepte les Conditions Générales d'Utilisation et la Politique de protection des "
        "données personnelles."
    ),
    "field.choice": "Ma décision",
    "field.consent": "Pour activer : conditions d'utilisation",
    "decision.consent_box": "J'accepte",
    "decision.read_cgu": "Lire les Conditions Générales d'Utilisation",
    "decision.read_privacy": "Lire la Politique de protection des données personnelles",
    # Guide 000, « J'active Mon espace santé »: its links under the consent box.
    "decision.read_cgu.identity-first": "En savoir plus sur les Conditions Générales d'Utilisation",
    "decision.read_privacy.identity-first": (
        "En savoir plus sur la Politique de protection des données personnelles"
    ),
    "decision.help": (
        "Choisissez d'activer ou de vous opposer. Pour activer, cochez la case d'acceptation "
        "des Conditions Générales d'Utilisation et de la Politique de protection des données "
        "(Espace pour cocher)."
    ),
    # --- contacts ---
    "contacts.title": "Je vérifie mes coordonnées de contact",
    "contacts.intro": (
        "Ces informations sont indispensables pour assurer la sécurité de Mon espace santé et "
        "ont été transmises par ma caisse d'assurance maladie."
    ),
    # Guide 000, « Je vérifie mes coordonnées » (Activation).
    "contacts.title.identity-first": "Je vérifie mes coordonnées",
    "contacts.intro.identity-first": (
        "Ces informations me permettent de recevoir mon code à usage unique nécessaire à "
        "chaque accès au profil Mon espace santé. Elles ont été transmises par ma caisse "
        "d'assurance maladie."
    ),
    "contacts.email": "Adresse e-mail",
    "contacts.mobile": "Numéro de téléphone mobile",
    "contacts.no_email": "Aucune adresse enregistrée",
    "contacts.no_mobile": "Aucun numéro enregistré",
    "contacts.edit_email": "✎ Modifier l'adresse e-mail",
    "contacts.add_email": "✎ Renseigner mon adresse e-mail",
    "contacts.edit_mobile": "✎ Modifier le numéro de mobile",
    "contacts.edit_mobile.identity-first": "✎ Modifier mon numéro de mobile",
    "contacts.add_mobile": "✎ Renseigner mon numéro de mobile",
    "contacts.updated": "✓ Coordonnée mise à jour.",
    "contacts.help": (
        "Vérifiez l'adresse e-mail (obligatoire) et le mobile (facultatif). Une modification "
        "envoie un code à usage unique à la NOUVELLE adresse ou au NOUVEAU numéro : lisez-le dans "
        "la boîte d'envoi (F2). La nouvelle coordonnée n'est enregistrée qu'une fois le code "
        "confirmé."
    ),
    "contact_edit.email.title": "Je modifie mon adresse e-mail",
    "contact_edit.email.intro": (
        "Je saisis mon adresse e-mail pour recevoir un code à usage unique et valider la "
        "modification."
    ),
    "contact_edit.email.field": "Adresse e-mail",
    "contact_edit.email.hint": "Ex. : prenom.nom@exemple.fr",
    "contact_edit.mobile.title": "Je renseigne mon numéro de téléphone mobile",
    "contact_edit.mobile.intro": (
        "Je saisis mon nouveau numéro de téléphone mobile pour recevoir un code à usage unique "
        "et valider la modification."
    ),
    "contact_edit.mobile.field": "Numéro de téléphone mobile",
    "contact_edit.mobile.hint": "Ex. : 06 11 12 13 14 ou +33 6 11 12 13 14 (mobile français)",
    "otp.email.title": "Je valide mon adresse e-mail",
    "otp.mobile.title": "Je valide mon numéro de téléphone mobile",
    "otp.sent.email": "Un code à usage unique vous a été envoyé à l'adresse {target}",
    "otp.sent.mobile": "Un code à usage unique vous a été envoyé au {target}",
    "otp.field": "Code à usage unique",
    "otp.hint": "Ex. : 034567 — 6 chiffres, valable 10 minutes",
    "otp.resend": "Envoyer à nouveau le code",
    "otp.resent": "✓ Un nouveau code a été envoyé ; il remplace le précédent.",
    "otp.help": (
        "Saisissez les 6 chiffres du code reçu (boîte d'envoi, F2). « Envoyer à nouveau le "
        "code » en envoie un nouveau, qui remplace l'ancien."
    ),
    # --- account ---
    "account.title": "Je choisis mon identifiant et mon mot de passe",
    "account.intro": (
        "Ils sont indispensables pour me connecter à Mon espace santé. Pour plus de sécurité, "
        "l'identifiant ne peut pas être une adresse e-mail."
    ),
    # Guide 000, « Mon compte ».
    "account.title.identity-first": (
        "Je choisis l'identifiant et le mot de passe commun à tous mes profils"
    ),
    "account.intro.identity-first": (
        "Ils me permettent de me connecter à mon profil. Tous les champs sont obligatoires."
    ),
    "account.identifier.hint.identity-first": (
        "Les adresses e-mail, le numéro de sécurité sociale et les majuscules ne peuvent pas "
        "être utilisés. Votre identifiant peut contenir : 8 caractères minimum, des chiffres, "
        "des minuscules sans accents, les caractères spéciaux « . - _ »."
    ),
    "account.password.hint.identity-first": (
        "Votre mot de passe doit contenir (règles {version}) : voir la liste ci-dessous, mise "
        "à jour à chaque frappe"
    ),
    "account.identifier": "Identifiant",
    "account.identifier.hint": (
        "Minimum 8 caractères : minuscules sans accents, chiffres et . - _ ; ni adresse "
        "e-mail, ni numéro de sécurité sociale, ni majuscules."
    ),
    "account.password": "Mot de passe",
    "account.password.hint": (
        "Règles {version} : voir la liste ci-dessous, mise à jour à chaque frappe"
    ),
    "account.confirm": "Confirmer le mot de passe",
    "account.confirm.hint": "Ressaisissez le même mot de passe",
    "account.show": "Afficher les mots de passe",
    "account.rules_version": "Règles de mot de passe en vigueur : version {version}",
    "account.help": (
        "Choisissez un identifiant (8 à 100 caractères) et un mot de passe qui respecte chaque "
        "règle de la liste (✓ respectée, ✗ manquante). Le mot de passe ne doit contenir ni "
        "l'identifiant, ni votre nom, ni votre date de naissance. F3 affiche ou masque la saisie."
    ),
    # --- success ---
    "success.title": "Mon espace santé a bien été activé !",
    "success.title.identity": "Mon profil a bien été activé !",
    "success.child": "Le profil de {name} a bien été activé.",
    "success.text": (
        "Je peux dès à présent découvrir toutes les fonctionnalités de Mon espace santé et "
        "commencer à compléter mon profil."
    ),
    "success.identifier": "Identifiant : {identifier}",
    "success.discover": "Découvrir Mon espace santé",
    "success.restart": "Retour au début",
    "success.help": (
        "Le parcours est terminé. « Découvrir Mon espace santé » (ou « Se connecter à Mon "
        "espace santé ») mène à la connexion, avec l'identifiant et le mot de passe choisis ; "
        "déjà connecté, à votre espace. « Retour au début » revient à l'accueil."
    ),
    # --- outcomes ---
    "outcome.title": "Identification impossible",
    "outcome.retry": "Corriger ma saisie",
    "form.errors": "{n} erreur(s) à corriger",
    # --- identification outcomes, each on its own screen ---
    "outcome.help": (
        "Cet écran explique pourquoi la démarche ne peut pas continuer et propose une suite. "
        "Tab pour passer d'un bouton à l'autre, Entrée pour choisir."
    ),
    "outcome.contact": (
        f"Besoin d'aide ? Appelez le {PHONE_3422} ({PRICE_3422}), {HOURS_3422}. Vous êtes "
        "sourd ou malentendant : contactez un conseiller par visio-interprétation."
    ),
    "outcome.action.retry": "Corriger ma saisie",
    "outcome.action.regenerate": "Générer un nouveau code provisoire",
    "outcome.action.home": "Retour à l'accueil",
    "outcome.not_found.title": "Identification impossible",
    "outcome.not_found.next": (
        "Vérifiez le code provisoire, le numéro de sécurité sociale (pour un enfant : celui du "
        "parent qui a reçu le message) et le numéro de série de la carte Vitale. Sans code "
        "valable, générez-en un nouveau."
    ),
    "outcome.already_exists.title": "Un profil existe déjà",
    "outcome.already_exists.next": (
        "Inutile de l'activer à nouveau : connectez-vous avec votre identifiant et votre mot de "
        "passe sur monespacesante.fr. Identifiant oublié : il peut vous être renvoyé."
    ),
    "outcome.not_activable.title": "Ce profil ne peut pas être activé",
    "outcome.not_activable.next": (
        "Rien n'a été enregistré. Un conseiller de votre caisse d'assurance maladie peut vous "
        "dire ce qu'il est possible de faire."
    ),
    "outcome.code_expired.title": "Votre code provisoire a expiré",
    "outcome.code_expired.next": (
        "Le code du message d'information est valable 6 semaines ; un code généré sur le "
        "site l'est moins longtemps. Un nouveau code arrive par e-mail, SMS ou courrier."
    ),
    "outcome.code_used.title": "Votre code provisoire a déjà été utilisé",
    "outcome.code_used.next": (
        "Un code provisoire ne sert qu'une fois. Pour revenir sur une décision, générez un "
        "nouveau code provisoire."
    ),
    "outcome.locked.title": "Trop de codes erronés",
    "outcome.locked.next": (
        "Par sécurité, attendez le délai indiqué avant de réessayer. Demander un nouveau code "
        "ne remet pas le compteur d'erreurs à zéro."
    ),
    "outcome.wait.title": "Un code vient d'être envoyé",
    "outcome.wait.next": "Attendez 30 secondes avant d'en demander un nouveau.",
    "outcome.session_expired.title": "Votre session a expiré",
    "outcome.session_expired.next": (
        "Par sécurité, la démarche recommence depuis le début. Rien n'a été activé."
    ),
    "outcome.not_representative.title": "Seul le représentant légal peut agir",
    "outcome.not_representative.next": (
        "Le représentant légal rattaché au profil de l'enfant doit faire la démarche lui-même."
    ),
    # --- generating a new provisional code (guide 002, 1/3 to 3/3) ---
    "link.regenerate": "Je n'ai pas de code provisoire ? Générer un nouveau code provisoire",
    "regenerate.title": "Je génère un nouveau code provisoire",
    "regenerate.intro": (
        "Afin de sécuriser l'envoi de mon nouveau code provisoire, j'ai besoin de m'identifier."
    ),
    "regenerate.help": (
        "Saisissez le numéro de sécurité sociale du destinataire du message (pour un enfant : "
        "celui du parent), la date de naissance de la personne concernée (la vôtre, ou celle "
        "de votre enfant), puis le modèle et le numéro de série de la carte Vitale."
    ),
    "regenerate.sent": (
        "✓ Un nouveau code provisoire vous a été envoyé {where}. Saisissez-le ci-dessous avec "
        "votre numéro de sécurité sociale et votre carte Vitale."
    ),
    "regenerate.where.email": "par e-mail ({masked})",
    "regenerate.where.sms": "par SMS ({masked})",
    "regenerate.where.courrier": "par courrier",
    "field.birth_date": "Date de naissance",
    "field.birth_date.hint": "Format JJ/MM/AAAA, par exemple 10/03/1973",
    "birth_date.for_whom": (
        "Si la demande me concerne, je saisis ma date de naissance. Si cela concerne mon "
        "enfant, j'indique sa date de naissance."
    ),
    "send_code.title": "Envoi du code provisoire",
    "send_code.help": (
        "Choisissez où recevoir le code : seules les coordonnées connues de votre caisse sont "
        "proposées, masquées. Si elles sont fausses, « Mes coordonnées sont incorrectes ? » "
        "explique comment les mettre à jour."
    ),
    "send_code.for_child": "Code provisoire pour le profil de {name}",
    "send_code.letter_only": (
        "Aucune adresse e-mail ni aucun numéro de mobile n'est enregistré : votre code "
        "provisoire vous sera envoyé par courrier postal. Pour mettre à jour vos coordonnées, "
        "contactez votre caisse d'assurance maladie (compte ameli, accueil ou 3422)."
    ),
    "field.channel": "Mon mode de réception",
    "channel.email": "Par e-mail : {masked}",
    "channel.sms": "Par SMS : {masked}",
    "channel.courrier": "Par courrier : {masked}",
    "link.contacts_wrong": "Mes coordonnées sont incorrectes ?",
    # --- identity first (guide 000) ---
    "button.next": "Suivant",
    "birth_date.title": "Je renseigne la date de naissance",
    "birth_date.help": (
        "Saisissez votre date de naissance, ou celle de votre enfant si la demande le "
        "concerne, au format JJ/MM/AAAA."
    ),
    "vitale.title": "Je renseigne les informations de ma carte Vitale",
    "vitale.intro": (
        "Numéro de sécurité sociale du destinataire du message (pour un enfant : celui du "
        "parent), modèle de la carte Vitale et numéro de série."
    ),
    "vitale.help": (
        "Saisissez le numéro de sécurité sociale (15 caractères), choisissez le modèle de "
        "carte Vitale, puis son numéro de série. « Où trouver… » montre où ils sont sur la "
        "carte."
    ),
    "code.title": "Mon code provisoire",
    "code.intro": "Je reçois un code provisoire pour confirmer mon identité.",
    "code.send": "Envoyer le code",
    "code.send_again": "Envoyer à nouveau le code",
    "code.entry.email": "Je saisis le code reçu par e-mail",
    "code.entry.sms": "Je saisis le code reçu par SMS",
    "code.entry.courrier": "Je saisis le code reçu par courrier",
    "code.sent.email": "Le code provisoire a été envoyé à l'adresse e-mail {masked}",
    "code.sent.sms": "Le code provisoire a été envoyé au numéro {masked}",
    "code.sent.courrier": "Le code provisoire vous a été envoyé par courrier ({masked})",
    "field.code.identity": "Saisir le code provisoire à 12 caractères",
    "code.help": (
        "Choisissez le mode de réception puis « Envoyer le code ». Le code arrive dans la "
        "boîte d'envoi (F2). Saisissez ses 12 caractères, majuscules et minuscules comprises."
    ),
    "choose.title": "Je choisis pour qui j'active le profil",
    "choose.intro": (
        "Plusieurs profils correspondent à cette date de naissance. Je choisis la personne "
        "concernée par la démarche."
    ),
    "choose.help": "Choisissez avec les flèches le profil concerné, puis « Continuer ».",
    "field.profile": "Profil concerné",
    "representative.title": "Je certifie être le représentant légal",
    "representative.intro": (
        "Le profil de {name} est rattaché à votre carte Vitale. Seul son représentant légal "
        "peut activer Mon espace santé ou s'y opposer."
    ),
    "representative.yes": "Je certifie être le représentant légal de {name}",
    "representative.no": "Je ne suis pas le représentant légal de {name}",
    "representative.help": (
        "Pour agir au nom d'un enfant, il faut être son représentant légal. Sinon, seul ce "
        "représentant peut faire la démarche ; pour toute question, appelez le 3422."
    ),
    "field.certify": "Représentant légal",
    # --- session expiry ---
    "session.warning.title": "Votre session va bientôt expirer",
    "session.warning.body": (
        "Sans action de votre part, votre session expirera dans {left} et la démarche "
        "devra être recommencée. Appuyez sur Entrée pour la prolonger."
    ),
    "session.left.both": "{minutes} et {seconds}",
    "session.extend": "Prolonger ma session",
    "session.extend.tip": "Garder la session ouverte (Entrée ou Échap)",
    # --- simulator settings ---
    "home.settings": "Réglages du simulateur",
    "settings.title": "Réglages du simulateur",
    "settings.cancel.tip": "Fermer sans rien changer (Échap)",
    "settings.journey": "Parcours",
    "settings.journey.code-first": "Code d'abord (guide 002)",
    "settings.journey.identity-first": "Identité d'abord (guide 000)",
    "settings.journey.hint": (
        "Code d'abord : le code provisoire reçu, puis le numéro de sécurité sociale et la carte "
        "Vitale. Identité d'abord : la date de naissance, la carte Vitale, puis un code reçu "
        "par e-mail ou SMS."
    ),
    "settings.rules": "Règles de mot de passe",
    "settings.rules.2022": "Version 2022 (les guides) : 8 caractères minimum",
    "settings.rules.2025": "Version 2025 (service actuel) : 9 caractères minimum",
    "settings.rules.hint": (
        "Les deux versions demandent une majuscule, une minuscule, un chiffre et un caractère "
        "spécial."
    ),
    "settings.theme": "Couleurs de l'écran",
    "settings.theme.standard": "Standard",
    "settings.theme.contraste-sombre": "Contraste élevé, fond noir",
    "settings.theme.contraste-clair": "Contraste élevé, fond blanc",
    "settings.theme.hint": (
        "Le contraste élevé écrit en blanc sur noir ou en noir sur blanc. Aussi au lancement : "
        "--theme contraste-sombre ou --theme contraste-clair."
    ),
    # --- opposition (guide 002, Opposition 2/4 and 3/4) ---
    "opposition.confirm.title": "Je valide l'opposition à la création de Mon espace santé",
    "opposition.confirm.child": "Profil concerné : {name}",
    "opposition.confirm.text": (
        "En validant cette décision, Mon espace santé ne sera pas créé.\n"
        "Vous pourrez créer Mon espace santé à tout moment."
    ),
    "opposition.confirm.help": (
        "« Continuer » enregistre l'opposition à la création de Mon espace santé ; « Annuler » "
        "(ou Échap) revient à la décision sans rien enregistrer."
    ),
    "opposition.done.title": "Ma décision a bien été prise en compte",
    "opposition.done.text": (
        "Je peux télécharger mon justificatif d'opposition à la création de Mon espace santé.\n"
        "Attention, celui-ci ne sera plus disponible par la suite."
    ),
    "opposition.done.folder": "Dossier d'enregistrement du justificatif",
    "opposition.done.folder.hint": (
        "Chemin d'un dossier (créé s'il n'existe pas). Le justificatif y est enregistré au "
        "format .pdf, avec une version texte (.txt)."
    ),
    "opposition.done.folder.required": "Indiquez le dossier où enregistrer le justificatif.",
    "opposition.done.download": "↓ Télécharger le justificatif (format .pdf)",
    "opposition.done.saved": "Justificatif enregistré :\n{pdf}\nVersion texte :\n{txt}",
    "opposition.done.save_failed": (
        "Le justificatif n'a pas pu être enregistré dans le dossier « {folder} ». "
        "Vérifiez que ce chemin est un dossier où vous pouvez écrire (et non un fichier), ou "
        "indiquez un autre dossier, puis téléchargez à nouveau."
    ),
    "opposition.done.profiles": "Vous pouvez également gérer les profils ci-dessous.",
    "opposition.done.profile": "• {name} : {status}",
    "opposition.done.home": "Retour à l'accueil",
    "opposition.done.help": (
        "Indiquez le dossier puis choisissez « Télécharger le justificatif » : le justificatif "
        "n'est proposé qu'à ce moment. « Retour à l'accueil » (ou Échap) termine le parcours ; "
        "la décision est déjà enregistrée."
    ),
    # An unexpected error: one line on the terminal, never a traceback nor anything typed.
    "app.crash": (
        "Une erreur inattendue a arrêté l'application ; rien n'a été enregistré à moitié. "
        "Relancez mes-sante-tui. Le détail technique (sans aucune saisie) est dans {log}"
    ),
    "app.crash.no_log": (
        "Une erreur inattendue a arrêté l'application ; rien n'a été enregistré à moitié. "
        "Relancez mes-sante-tui."
    ),
    # Characters nobody can type or see, in a field that is not a code.
    "password.charset": (
        "Le mot de passe contient un caractère invisible ou de contrôle : retirez-le, en "
        "saisissant le mot de passe au clavier plutôt qu'en le collant"
    ),
    "opposition.done.folder.charset": (
        "Le nom du dossier contient un caractère invisible ou de contrôle : saisissez le "
        "chemin du dossier au clavier (ex. : ~/Documents/mes_sante_tui)."
    ),
    "opposition.done.folder.too_long": (
        "Le chemin du dossier est trop long : choisissez un dossier plus proche de la racine "
        "(ex. : ~/Documents/mes_sante_tui)."
    ),
}
