//! The demo map a first-time visitor sees: buying a washing machine from a
//! retailer with stores, a web site, an app and a call centre.
//!
//! The same map is written in English and in French; both languages build
//! exactly the same structure (same ids drawn in the same order), only the
//! words differ.

use crate::core::document::branding::Branding;
use crate::core::document::model::{
    Action, ActionStatus, Card, Channel, Classification, Emotion, IdSource, JourneyMap, LaneKind,
    MapKind, Metric, Millis, Persona, Reading, Scale, Scales, Stage, Touchpoint, PERSONA_COLOURS,
};
use crate::core::text::i18n::Lang;

/// Shared by every persona.
const ALL: Option<usize> = None;
/// Camille, the busy young parent.
const CAMILLE: Option<usize> = Some(0);
/// Gérard, the careful retiree.
const GERARD: Option<usize> = Some(1);

/// Stage indices, in journey order.
const NEED: usize = 0;
const RESEARCH: usize = 1;
const COMPARISON: usize = 2;
const PURCHASE: usize = 3;
const DELIVERY: usize = 4;
const AFTER_SALES: usize = 5;

/// Customers who start the journey: reach shares are of this many.
const ENTRANTS: f64 = 12_000.0;
/// How well each stage goes, -2..=2, for the synthetic survey answers.
const STAGE_QUALITY: [i8; 6] = [0, 0, 1, 1, -2, 1];
const DEMO_SOURCE: Text = (
    "Demo survey (synthetic data)",
    "Enquête de démonstration (données fictives)",
);
/// NPS answers (0–10) for quality -2..=2.
const NPS_ANSWERS: [[u32; 11]; 5] = [
    [14, 9, 11, 12, 10, 9, 8, 6, 5, 3, 2],
    [5, 4, 6, 7, 8, 10, 12, 14, 11, 8, 6],
    [2, 1, 2, 3, 4, 8, 10, 18, 20, 14, 10],
    [1, 0, 1, 1, 2, 4, 7, 16, 22, 26, 20],
    [0, 0, 0, 1, 1, 2, 4, 10, 20, 34, 40],
];
/// CSAT answers (1–5) for quality -2..=2.
const CSAT_ANSWERS: [[u32; 5]; 5] = [
    [20, 25, 18, 10, 5],
    [10, 18, 25, 22, 10],
    [5, 10, 25, 35, 15],
    [2, 5, 15, 40, 38],
    [1, 2, 8, 38, 51],
];
/// CES answers (1–7, lower is less effort) for quality -2..=2.
const CES_ANSWERS: [[u32; 7]; 5] = [
    [2, 4, 6, 10, 18, 24, 20],
    [5, 8, 12, 18, 20, 15, 9],
    [10, 15, 20, 18, 12, 8, 5],
    [20, 25, 20, 12, 8, 5, 3],
    [35, 30, 15, 8, 5, 3, 2],
];

/// A complete omnichannel retail journey map, written in `lang`.
pub fn demo_map(lang: Lang, ids: &mut dyn IdSource, now: Millis) -> JourneyMap {
    let mut b = Builder::new(lang, ids, now);

    // ---- Personas -------------------------------------------------------
    b.persona(
        PersonaText {
            name: ("Camille", "Camille"),
            role: ("34, project manager", "34 ans, cheffe de projet"),
            channels: &[Channel::MobileApp, Channel::Website, Channel::Chat],
            segment: (
                "Busy young family, 30–40, always on their phone",
                "Jeune famille active, 30-40 ans, toujours sur son téléphone",
            ),
            goals: (
                "Replace the machine within a week, for under €500.",
                "Remplacer la machine en moins d'une semaine, pour moins de 500 €.",
            ),
            motivations: (
                "Saving time, comparing prices on her phone, evening or Saturday delivery.",
                "Gagner du temps, comparer les prix sur son téléphone, être livrée le soir ou le samedi.",
            ),
            frustrations: (
                "Half-day delivery slots; having to explain her problem again to every person she talks to.",
                "Les créneaux de livraison d'une demi-journée ; devoir répéter son problème à chaque interlocuteur.",
            ),
            quote: (
                "I want to sort it all out on my phone, without taking a day off.",
                "Je veux tout régler depuis mon téléphone, sans poser un jour de congé.",
            ),
        },
        Some(55.0),
        PERSONA_COLOURS[0],
    );
    b.persona(
        PersonaText {
            name: ("Gérard", "Gérard"),
            role: ("68, retired teacher", "68 ans, enseignant retraité"),
            channels: &[Channel::Store, Channel::CallCentre, Channel::Mail],
            segment: (
                "Retiree, 68, prefers to buy in store",
                "Retraité, 68 ans, préfère acheter en magasin",
            ),
            goals: (
                "Buy a reliable, simple machine, delivered, installed and connected at home.",
                "Acheter une machine fiable et simple, livrée, installée et branchée chez lui.",
            ),
            motivations: (
                "Advice from a salesperson he trusts, a solid warranty, having the old machine taken away.",
                "Le conseil d'un vendeur de confiance, une bonne garantie, la reprise de l'ancien appareil.",
            ),
            frustrations: (
                "Cluttered web sites, waiting on the phone, user manuals he cannot read.",
                "Les sites trop chargés, l'attente au téléphone, les notices illisibles.",
            ),
            quote: (
                "I need someone to explain it to me — and to plug it in.",
                "J'ai besoin qu'on m'explique… et qu'on me la branche.",
            ),
        },
        Some(30.0),
        PERSONA_COLOURS[1],
    );

    // ---- Stages ---------------------------------------------------------
    for (en, fr) in [
        ("Need", "Besoin"),
        ("Research", "Recherche"),
        ("Comparison", "Comparaison"),
        ("Purchase", "Achat"),
        ("Delivery & installation", "Livraison et installation"),
        ("Use & after-sales", "Utilisation et SAV"),
    ] {
        b.stage(en, fr);
    }

    // ---- 1. Need --------------------------------------------------------
    b.card(
        LaneKind::Goal,
        NEED,
        ALL,
        "Replace the broken washing machine quickly",
        "Remplacer vite le lave-linge en panne",
    );
    b.card(
        LaneKind::Doing,
        NEED,
        ALL,
        "Notices the breakdown and tries a few fixes found online",
        "Constate la panne et tente quelques astuces trouvées en ligne",
    );
    b.card(
        LaneKind::Doing,
        NEED,
        CAMILLE,
        "Searches \"washing machine fast delivery\" on her phone at night",
        "Cherche « lave-linge livraison rapide » sur son téléphone le soir",
    );
    b.card(
        LaneKind::Doing,
        NEED,
        GERARD,
        "Asks his son and his neighbours which brand to trust",
        "Demande à son fils et à ses voisins quelle marque choisir",
    );
    b.card(
        LaneKind::Thinking,
        NEED,
        ALL,
        "Repair it or replace it?",
        "Réparer ou remplacer ?",
    );
    b.card(
        LaneKind::Thinking,
        NEED,
        CAMILLE,
        "How long will we manage without a machine, with two kids?",
        "Combien de temps tenir sans machine, avec deux enfants ?",
    );
    b.touchpoint(
        NEED,
        (
            "Search results and ads",
            "Résultats de recherche et annonces",
        ),
        Channel::Search,
        Classification::Complementary,
        ("Marketing", "Marketing"),
        Some(100.0),
    );
    b.touchpoint(
        NEED,
        (
            "Advice from friends and family",
            "Recommandations de l'entourage",
        ),
        Channel::WordOfMouth,
        Classification::Complementary,
        ("Marketing", "Marketing"),
        None,
    );
    let tp_advice = b.touchpoint(
        NEED,
        (
            "\"Appliance broken?\" help pages",
            "Pages conseils « Appareil en panne ? »",
        ),
        Channel::Website,
        Classification::Complementary,
        ("E-commerce", "E-commerce"),
        None,
    );
    b.card(
        LaneKind::PainPoints,
        NEED,
        ALL,
        "No help to tell whether the fault can be repaired: customers replace by default",
        "Aucune aide pour savoir si la panne est réparable : on remplace par défaut",
    );
    let opp_diagnosis = b.card(
        LaneKind::Opportunities,
        NEED,
        ALL,
        "An online fault diagnosis that suggests repair or replacement",
        "Un diagnostic de panne en ligne qui oriente vers la réparation ou le remplacement",
    );

    // ---- 2. Research ----------------------------------------------------
    b.card(
        LaneKind::Goal,
        RESEARCH,
        ALL,
        "Find the right model for the budget and the space available",
        "Trouver le bon modèle pour son budget et sa place",
    );
    b.card(
        LaneKind::Doing,
        RESEARCH,
        ALL,
        "Compares models on the web site and reads customer reviews",
        "Compare les modèles sur le site et lit les avis clients",
    );
    b.card(
        LaneKind::Doing,
        RESEARCH,
        CAMILLE,
        "Filters by capacity (9 kg) and delivery date in the app",
        "Filtre par capacité (9 kg) et par date de livraison dans l'appli",
    );
    b.card(
        LaneKind::Doing,
        RESEARCH,
        GERARD,
        "Calls the customer service to check the dimensions",
        "Appelle le service client pour vérifier les dimensions",
    );
    b.card(
        LaneKind::Thinking,
        RESEARCH,
        ALL,
        "Will it fit under my kitchen worktop?",
        "Est-ce qu'elle rentrera sous mon plan de travail ?",
    );
    b.card(
        LaneKind::Thinking,
        RESEARCH,
        ALL,
        "Can I trust these reviews?",
        "Ces avis sont-ils fiables ?",
    );
    let tp_product_pages = b.touchpoint(
        RESEARCH,
        ("Product pages on the web site", "Fiches produits du site"),
        Channel::Website,
        Classification::Critical,
        ("E-commerce", "E-commerce"),
        Some(60.0),
    );
    b.touchpoint(
        RESEARCH,
        ("App: filters and favourites", "Appli : filtres et favoris"),
        Channel::MobileApp,
        Classification::Complementary,
        ("E-commerce", "E-commerce"),
        Some(35.0),
    );
    b.touchpoint(
        RESEARCH,
        ("Customer service hotline", "Service client par téléphone"),
        Channel::CallCentre,
        Classification::Complementary,
        ("Customer service", "Service client"),
        None,
    );
    let pain_dimensions = b.card(
        LaneKind::PainPoints,
        RESEARCH,
        ALL,
        "Dimensions and noise level are hard to find on product pages",
        "Dimensions et niveau sonore difficiles à trouver sur les fiches produits",
    );
    b.card(
        LaneKind::PainPoints,
        RESEARCH,
        ALL,
        "12 minutes on hold before reaching an adviser",
        "12 minutes d'attente avant d'avoir un conseiller",
    );
    b.card(
        LaneKind::Gains,
        RESEARCH,
        ALL,
        "Many detailed customer reviews, with photos",
        "Des avis clients nombreux et détaillés, avec photos",
    );

    // ---- 3. Comparison --------------------------------------------------
    b.card(
        LaneKind::Goal,
        COMPARISON,
        ALL,
        "See the machine for real and be reassured",
        "Voir la machine en vrai et être rassuré",
    );
    b.card(
        LaneKind::Doing,
        COMPARISON,
        ALL,
        "Goes to the store to see the models spotted online",
        "Se rend en magasin pour voir les modèles repérés en ligne",
    );
    b.card(
        LaneKind::Doing,
        COMPARISON,
        CAMILLE,
        "Scans the shelf label to compare with the web site's price",
        "Scanne l'étiquette en rayon pour comparer avec le prix du site",
    );
    b.card(
        LaneKind::Doing,
        COMPARISON,
        GERARD,
        "Asks a salesperson to explain the programmes, one by one",
        "Demande à un vendeur de lui expliquer les programmes, un par un",
    );
    b.card(
        LaneKind::Thinking,
        COMPARISON,
        CAMILLE,
        "Why isn't the price the same in store and online?",
        "Pourquoi le prix n'est-il pas le même en magasin et en ligne ?",
    );
    b.card(
        LaneKind::Thinking,
        COMPARISON,
        GERARD,
        "Is this model really quiet?",
        "Ce modèle est-il vraiment silencieux ?",
    );
    let tp_store = b.touchpoint(
        COMPARISON,
        (
            "Appliance aisle in store",
            "Rayon électroménager du magasin",
        ),
        Channel::Store,
        Classification::Critical,
        ("Stores", "Magasins"),
        Some(25.0),
    );
    b.touchpoint(
        COMPARISON,
        ("Advice from a salesperson", "Conseil d'un vendeur"),
        Channel::Store,
        Classification::Critical,
        ("Stores", "Magasins"),
        None,
    );
    b.touchpoint(
        COMPARISON,
        (
            "Demo videos on social networks",
            "Vidéos de démonstration sur les réseaux sociaux",
        ),
        Channel::SocialNetworks,
        Classification::Superfluous,
        ("Marketing", "Marketing"),
        None,
    );
    b.card(
        LaneKind::PainPoints,
        COMPARISON,
        ALL,
        "The shelf price differs from the web site's price",
        "Le prix en rayon diffère du prix affiché sur le site",
    );
    b.card(
        LaneKind::Gains,
        COMPARISON,
        ALL,
        "A knowledgeable, available salesperson who reassures",
        "Un vendeur compétent et disponible qui rassure",
    );
    let opp_labels = b.card(
        LaneKind::Opportunities,
        COMPARISON,
        ALL,
        "Electronic shelf labels in sync with the web site, with a QR code to the reviews",
        "Des étiquettes électroniques synchronisées avec le site, avec un QR code vers les avis",
    );

    // ---- 4. Purchase ----------------------------------------------------
    b.card(
        LaneKind::Goal,
        PURCHASE,
        ALL,
        "Pay easily and book a delivery date",
        "Payer simplement et réserver une date de livraison",
    );
    b.card(
        LaneKind::Doing,
        PURCHASE,
        ALL,
        "Adds the extended warranty and the take-back of the old machine",
        "Ajoute l'extension de garantie et la reprise de l'ancien appareil",
    );
    b.card(
        LaneKind::Doing,
        PURCHASE,
        CAMILLE,
        "Orders in the app during her lunch break",
        "Commande dans l'appli pendant sa pause déjeuner",
    );
    b.card(
        LaneKind::Doing,
        PURCHASE,
        GERARD,
        "Pays at the store checkout, in three instalments",
        "Paie en caisse, en trois fois",
    );
    b.card(
        LaneKind::Thinking,
        PURCHASE,
        ALL,
        "Is the extended warranty worth it?",
        "L'extension de garantie vaut-elle le coup ?",
    );
    b.touchpoint(
        PURCHASE,
        ("Online checkout", "Tunnel de commande en ligne"),
        Channel::Website,
        Classification::Critical,
        ("E-commerce", "E-commerce"),
        Some(18.0),
    );
    b.touchpoint(
        PURCHASE,
        ("Store checkout", "Caisse du magasin"),
        Channel::Store,
        Classification::Critical,
        ("Stores", "Magasins"),
        Some(12.0),
    );
    b.touchpoint(
        PURCHASE,
        (
            "Order confirmation e-mail",
            "E-mail de confirmation de commande",
        ),
        Channel::Email,
        Classification::Complementary,
        ("E-commerce", "E-commerce"),
        None,
    );
    b.card(
        LaneKind::Gains,
        PURCHASE,
        ALL,
        "Interest-free payment in three instalments",
        "Paiement en trois fois sans frais",
    );
    b.card(
        LaneKind::Gains,
        PURCHASE,
        ALL,
        "Take-back of the old machine offered up front",
        "Reprise de l'ancien appareil proposée d'office",
    );
    b.card(
        LaneKind::Opportunities,
        PURCHASE,
        ALL,
        "One basket shared by store and app: start with a salesperson, finish at home",
        "Un panier partagé entre magasin et appli : commencer avec le vendeur, finir chez soi",
    );

    // ---- 5. Delivery & installation ------------------------------------
    b.card(
        LaneKind::Goal,
        DELIVERY,
        ALL,
        "Be delivered on time, with a machine that works",
        "Être livré à l'heure, avec une machine qui fonctionne",
    );
    b.card(
        LaneKind::Doing,
        DELIVERY,
        ALL,
        "Waits for the driver during a 4-hour slot",
        "Attend le livreur sur un créneau de 4 heures",
    );
    b.card(
        LaneKind::Doing,
        DELIVERY,
        CAMILLE,
        "Takes half a day off work for the delivery",
        "Pose une demi-journée de congé pour la livraison",
    );
    b.card(
        LaneKind::Doing,
        DELIVERY,
        GERARD,
        "Calls the customer service to find out when the driver will come",
        "Relance le service client pour connaître l'heure de passage",
    );
    b.card(
        LaneKind::Thinking,
        DELIVERY,
        CAMILLE,
        "Are they really coming this morning?",
        "Vont-ils vraiment passer ce matin ?",
    );
    b.card(
        LaneKind::Thinking,
        DELIVERY,
        GERARD,
        "Who is going to connect it?",
        "Qui va me la brancher ?",
    );
    let tp_tracking = b.touchpoint(
        DELIVERY,
        ("Delivery tracking e-mail", "E-mail de suivi de livraison"),
        Channel::Email,
        Classification::Critical,
        ("Logistics", "Logistique"),
        Some(28.0),
    );
    b.touchpoint(
        DELIVERY,
        (
            "Home delivery and installation crew",
            "Livreurs et installateurs à domicile",
        ),
        Channel::Other,
        Classification::Critical,
        ("Logistics", "Logistique"),
        Some(29.0),
    );
    b.touchpoint(
        DELIVERY,
        (
            "Customer service: order tracking",
            "Service client : suivi de commande",
        ),
        Channel::CallCentre,
        Classification::Complementary,
        ("Customer service", "Service client"),
        Some(9.0),
    );
    b.card(
        LaneKind::PainPoints,
        DELIVERY,
        ALL,
        "4-hour slot, and the driver is late without warning",
        "Créneau de 4 heures, et le livreur arrive en retard sans prévenir",
    );
    b.card(
        LaneKind::PainPoints,
        DELIVERY,
        ALL,
        "Connection not included: the old machine leaves, the new one stays unplugged",
        "Raccordement non inclus : l'ancienne machine part, la nouvelle reste débranchée",
    );
    let opp_live_tracking = b.card(
        LaneKind::Opportunities,
        DELIVERY,
        ALL,
        "Live driver tracking in the app and a 1-hour slot",
        "Suivi du livreur en temps réel dans l'appli et créneau d'une heure",
    );

    // ---- 6. Use & after-sales -------------------------------------------
    b.card(
        LaneKind::Goal,
        AFTER_SALES,
        ALL,
        "Use the machine well and get help if something goes wrong",
        "Bien utiliser sa machine et être aidé en cas de souci",
    );
    b.card(
        LaneKind::Doing,
        AFTER_SALES,
        ALL,
        "Runs the first washes",
        "Lance les premières lessives",
    );
    b.card(
        LaneKind::Doing,
        AFTER_SALES,
        CAMILLE,
        "Saves the invoice and the warranty in the app",
        "Enregistre la facture et la garantie dans l'appli",
    );
    b.card(
        LaneKind::Doing,
        AFTER_SALES,
        GERARD,
        "Looks for the right programme in the paper manual",
        "Cherche le bon programme dans la notice papier",
    );
    b.card(
        LaneKind::Thinking,
        AFTER_SALES,
        ALL,
        "Which programme for wool?",
        "Quel programme pour la laine ?",
    );
    b.card(
        LaneKind::Thinking,
        AFTER_SALES,
        ALL,
        "Who do I call if it breaks down?",
        "Qui appeler si elle tombe en panne ?",
    );
    b.touchpoint(
        AFTER_SALES,
        (
            "App customer area: invoices and warranty",
            "Espace client de l'appli : factures et garantie",
        ),
        Channel::MobileApp,
        Classification::Complementary,
        ("E-commerce", "E-commerce"),
        Some(11.0),
    );
    b.touchpoint(
        AFTER_SALES,
        ("After-sales chat", "Chat du service après-vente"),
        Channel::Chat,
        Classification::Critical,
        ("Customer service", "Service client"),
        Some(4.0),
    );
    b.touchpoint(
        AFTER_SALES,
        (
            "Promotional newsletters from the next day",
            "Newsletters promotionnelles dès le lendemain",
        ),
        Channel::Email,
        Classification::Superfluous,
        ("Marketing", "Marketing"),
        Some(27.0),
    );
    b.card(
        LaneKind::PainPoints,
        AFTER_SALES,
        ALL,
        "A small-print manual, hard to read for older customers",
        "Une notice en petits caractères, difficile à lire pour les seniors",
    );
    b.card(
        LaneKind::Gains,
        AFTER_SALES,
        ALL,
        "Invoice and warranty found in two taps in the app",
        "Facture et garantie retrouvées en deux clics dans l'appli",
    );
    b.card(
        LaneKind::Opportunities,
        AFTER_SALES,
        ALL,
        "Short video tutorials for the model bought, sent after delivery",
        "De courts tutoriels vidéo pour le modèle acheté, envoyés après la livraison",
    );

    // ---- Emotions: a curve per persona, with a clear dip at delivery ----
    //                    Need Research Compar. Purchase Delivery After-sales
    b.emotions(CAMILLE, [-1, 0, 1, 2, -2, 1]);
    b.emotions(GERARD, [-1, -1, 2, 1, -2, 0]);

    // The product pages were surveyed before their action was done, too.
    b.earlier_nps(&tp_product_pages, RESEARCH);

    // ---- Actions --------------------------------------------------------
    b.action(
        (
            "Live driver tracking and 1-hour delivery slots",
            "Suivi du livreur en temps réel et créneaux d'une heure",
        ),
        ("Logistics team", "Équipe Logistique"),
        ActionStatus::InProgress,
        &opp_live_tracking,
        &tp_tracking,
    );
    b.action(
        (
            "Put \"Dimensions and fitting\" at the top of product pages",
            "Placer « Dimensions et encastrement » en haut des fiches produits",
        ),
        ("E-commerce team", "Équipe E-commerce"),
        ActionStatus::Done,
        &pain_dimensions,
        &tp_product_pages,
    );
    b.action(
        (
            "Sync shelf and web prices with electronic labels",
            "Synchroniser prix en rayon et prix du site avec des étiquettes électroniques",
        ),
        ("Stores division", "Direction des magasins"),
        ActionStatus::Planned,
        &opp_labels,
        &tp_store,
    );
    b.action(
        (
            "Online fault diagnosis before suggesting a new machine",
            "Diagnostic de panne en ligne avant de proposer une machine neuve",
        ),
        ("Customer service", "Service client"),
        ActionStatus::Idea,
        &opp_diagnosis,
        &tp_advice,
    );

    b.map
}

/// A text in both languages: (English, French).
type Text = (&'static str, &'static str);

struct PersonaText {
    name: Text,
    role: Text,
    channels: &'static [Channel],
    segment: Text,
    goals: Text,
    motivations: Text,
    frustrations: Text,
    quote: Text,
}

struct Builder<'a> {
    lang: Lang,
    ids: &'a mut dyn IdSource,
    map: JourneyMap,
}

impl<'a> Builder<'a> {
    fn new(lang: Lang, ids: &'a mut dyn IdSource, now: Millis) -> Self {
        let (title, description) = match lang {
            Lang::En => (
                "Buying a washing machine — omnichannel journey",
                "How two kinds of customers choose, buy and get a washing machine delivered \
                 across the web site, the app, the store and the call centre, as it happens today.",
            ),
            Lang::Fr => (
                "Achat d'un lave-linge — parcours omnicanal",
                "Comment deux profils de clients choisissent, achètent et se font livrer un \
                 lave-linge entre le site, l'appli, le magasin et le service client, tel que \
                 cela se passe aujourd'hui.",
            ),
        };
        let id = ids.next_id();
        let lanes = JourneyMap::standard_lanes(ids);
        let map = JourneyMap {
            id,
            title: title.to_owned(),
            kind: MapKind::CurrentState,
            description: description.to_owned(),
            created: now,
            modified: now,
            personas: Vec::new(),
            stages: Vec::new(),
            lanes,
            cards: Vec::new(),
            touchpoints: Vec::new(),
            emotions: Vec::new(),
            actions: Vec::new(),
            scales: Scales::default(),
            branding: Branding::default(),
            sync: Default::default(),
            based_on: None,
            comments: Default::default(),
            owner: String::new(),
        };
        Builder { lang, ids, map }
    }

    fn tr(&self, (en, fr): Text) -> String {
        match self.lang {
            Lang::En => en,
            Lang::Fr => fr,
        }
        .to_owned()
    }

    fn persona(&mut self, text: PersonaText, share: Option<f64>, colour: &str) {
        let persona = Persona {
            id: self.ids.next_id(),
            name: self.tr(text.name),
            segment: self.tr(text.segment),
            share,
            goals: self.tr(text.goals),
            motivations: self.tr(text.motivations),
            frustrations: self.tr(text.frustrations),
            quote: self.tr(text.quote),
            colour: colour.to_owned(),
            role: self.tr(text.role),
            channels: text.channels.to_vec(),
            avatar: None,
        };
        self.map.personas.push(persona);
    }

    fn persona_id(&self, persona: Option<usize>) -> Option<String> {
        persona.map(|i| self.map.personas[i].id.clone())
    }

    fn stage(&mut self, en: &'static str, fr: &'static str) {
        let stage = Stage {
            id: self.ids.next_id(),
            journey: String::new(),
            name: self.tr((en, fr)),
        };
        self.map.stages.push(stage);
    }

    fn lane_id(&self, kind: LaneKind) -> String {
        self.map
            .lanes
            .iter()
            .find(|l| l.kind == kind)
            .map(|l| l.id.clone())
            .expect("the standard lanes hold every lane kind the demo uses")
    }

    fn card(
        &mut self,
        lane: LaneKind,
        stage: usize,
        persona: Option<usize>,
        en: &'static str,
        fr: &'static str,
    ) -> String {
        let id = self.ids.next_id();
        // Pain points rated high, medium, low in turn.
        let severity = (lane == LaneKind::PainPoints).then(|| {
            let rated = self
                .map
                .cards
                .iter()
                .filter(|c| c.severity.is_some())
                .count();
            3 - (rated % 3) as u8
        });
        let card = Card {
            id: id.clone(),
            lane: self.lane_id(lane),
            stage: self.map.stages[stage].id.clone(),
            persona: self.persona_id(persona),
            text: self.tr((en, fr)),
            severity,
            answers: None,
            ..Default::default()
        };
        self.map.cards.push(card);
        id
    }

    fn touchpoint(
        &mut self,
        stage: usize,
        name: Text,
        channel: Channel,
        classification: Classification,
        department: Text,
        reach: Option<f64>,
    ) -> String {
        let id = self.ids.next_id();
        let touchpoint = Touchpoint {
            id: id.clone(),
            stage: self.map.stages[stage].id.clone(),
            name: self.tr(name),
            channel,
            classification,
            department: self.tr(department),
            readings: Vec::new(),
            legacy_metrics: None,
        };
        self.map.touchpoints.push(touchpoint);
        if let Some(share) = reach {
            self.reach_and_survey(stage, share);
        }
        id
    }

    /// A touchpoint's reach (a share of [`ENTRANTS`]) and the answers of a
    /// synthetic survey about it, as good or bad as the stage feels.
    fn reach_and_survey(&mut self, stage: usize, share: f64) {
        let now = self.map.created;
        let source = Some(self.tr(DEMO_SOURCE));
        let t = self.map.touchpoints.last_mut().expect("just pushed");
        t.readings.push(Reading {
            metric: Metric::Reach,
            at: now,
            source: source.clone(),
            scale: None,
            answers: Vec::new(),
            value: Some((share * ENTRANTS / 100.0).round()),
            n: None,
            personas: Vec::new(),
        });
        // The call centre's survey is small: its figures are not conclusive.
        let divisor = if t.channel == Channel::CallCentre {
            8
        } else {
            1
        };
        let quality = STAGE_QUALITY[stage];
        let level = (quality + 2) as usize;
        for (metric, scale, answers) in [
            (Metric::Nps, Scale::NPS, &NPS_ANSWERS[level][..]),
            (Metric::Csat, Scale::CSAT, &CSAT_ANSWERS[level][..]),
            (Metric::Ces, Scale::CES, &CES_ANSWERS[level][..]),
        ] {
            t.readings.push(Reading {
                metric,
                at: now,
                source: source.clone(),
                scale: Some(scale),
                answers: answers.iter().map(|a| a / divisor).collect(),
                value: None,
                n: None,
                personas: Vec::new(),
            });
        }
    }

    /// An earlier survey of a touchpoint, before an action improved it: its
    /// NPS answers one level worse, 60 days before the current ones.
    fn earlier_nps(&mut self, touchpoint: &str, stage: usize) {
        let source = Some(self.tr(DEMO_SOURCE));
        let at = self.map.created - 60 * 24 * 3600 * 1000;
        let level = (STAGE_QUALITY[stage] + 1).max(0) as usize;
        let t = self
            .map
            .touchpoints
            .iter_mut()
            .find(|t| t.id == touchpoint)
            .expect("demo touchpoint");
        t.readings.insert(
            0,
            Reading {
                metric: Metric::Nps,
                at,
                source,
                scale: Some(Scale::NPS),
                answers: NPS_ANSWERS[level].to_vec(),
                value: None,
                n: None,
                personas: Vec::new(),
            },
        );
    }

    fn emotions(&mut self, persona: Option<usize>, values: [i8; 6]) {
        let persona = self.persona_id(persona);
        for (stage, value) in self.map.stages.iter().zip(values) {
            self.map.emotions.push(Emotion {
                stage: stage.id.clone(),
                persona: persona.clone(),
                value,
                future: false,
            });
        }
    }

    fn action(
        &mut self,
        title: Text,
        owner: Text,
        status: ActionStatus,
        card: &str,
        touchpoint: &str,
    ) {
        // Due dates and the done action's date around the current survey
        // (`created`), after the earlier one (60 days before): its effect shows.
        let day = 24 * 3600 * 1000;
        let now = self.map.created;
        let (due, done_at, metric) = match status {
            ActionStatus::Done => (
                Some(now - 35 * day),
                Some(now - 30 * day),
                Some(Metric::Nps),
            ),
            ActionStatus::InProgress => (Some(now + 30 * day), None, Some(Metric::Csat)),
            ActionStatus::Planned => (Some(now + 90 * day), None, Some(Metric::Csat)),
            ActionStatus::Idea => (None, None, None),
        };
        let action = Action {
            id: self.ids.next_id(),
            title: self.tr(title),
            owner: self.tr(owner),
            status,
            card: Some(card.to_owned()),
            touchpoint: Some(touchpoint.to_owned()),
            department: String::new(),
            due,
            metric,
            done_at,
        };
        self.map.actions.push(action);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::{SequentialIds, EMOTION_MAX, EMOTION_MIN};
    use std::collections::HashSet;

    fn demo(lang: Lang) -> JourneyMap {
        demo_map(lang, &mut SequentialIds::new("d"), 1_700_000_000_000)
    }

    fn all_ids(map: &JourneyMap) -> Vec<&str> {
        let mut ids = vec![map.id.as_str()];
        ids.extend(map.personas.iter().map(|p| p.id.as_str()));
        ids.extend(map.stages.iter().map(|s| s.id.as_str()));
        ids.extend(map.lanes.iter().map(|l| l.id.as_str()));
        ids.extend(map.cards.iter().map(|c| c.id.as_str()));
        ids.extend(map.touchpoints.iter().map(|t| t.id.as_str()));
        ids.extend(map.actions.iter().map(|a| a.id.as_str()));
        ids
    }

    fn lane_of(map: &JourneyMap, kind: LaneKind) -> &str {
        &map.lanes.iter().find(|l| l.kind == kind).unwrap().id
    }

    #[test]
    fn every_id_is_unique() {
        for lang in Lang::ALL {
            let map = demo(lang);
            let ids = all_ids(&map);
            let unique: HashSet<&str> = ids.iter().copied().collect();
            assert_eq!(unique.len(), ids.len(), "{lang:?}: duplicate ids");
            assert!(ids.iter().all(|id| !id.is_empty()));
        }
    }

    #[test]
    fn every_reference_resolves() {
        for lang in Lang::ALL {
            let map = demo(lang);
            for c in &map.cards {
                let lane = map.lane(&c.lane).expect("card lane");
                assert!(lane.kind.holds_cards(), "card in a {:?} lane", lane.kind);
                assert!(map.stage_index(&c.stage).is_some(), "card stage");
                if let Some(p) = &c.persona {
                    assert!(map.persona(p).is_some(), "card persona");
                    assert!(lane.kind.per_persona(), "persona card in {:?}", lane.kind);
                }
                assert!(!c.text.trim().is_empty());
            }
            for t in &map.touchpoints {
                assert!(map.stage_index(&t.stage).is_some(), "touchpoint stage");
                assert!(!t.name.is_empty() && !t.department.is_empty());
            }
            for e in &map.emotions {
                assert!(map.stage_index(&e.stage).is_some(), "emotion stage");
                let p = e.persona.as_deref().expect("emotions are per persona");
                assert!(map.persona(p).is_some(), "emotion persona");
            }
            for a in &map.actions {
                let card = map.card(a.card.as_deref().expect("action card")).unwrap();
                let kind = map.lane(&card.lane).unwrap().kind;
                assert!(
                    matches!(kind, LaneKind::PainPoints | LaneKind::Opportunities),
                    "action answers a {kind:?} card"
                );
                let tp = a.touchpoint.as_deref().expect("action touchpoint");
                assert!(map.touchpoint(tp).is_some(), "action touchpoint");
                assert!(!a.title.is_empty() && !a.owner.is_empty());
            }
        }
    }

    #[test]
    fn shows_off_every_feature() {
        for lang in Lang::ALL {
            let map = demo(lang);
            assert_eq!(map.kind, MapKind::CurrentState);
            assert!(!map.title.is_empty() && !map.description.is_empty());
            assert_eq!(map.created, map.modified);
            assert!(map.stages.len() >= 5);
            assert!(map.personas.len() >= 2);
            for p in &map.personas {
                assert!(!p.name.is_empty() && !p.segment.is_empty());
                assert!(!p.goals.is_empty() && !p.motivations.is_empty());
                assert!(!p.frustrations.is_empty() && !p.quote.is_empty());
                assert!(p.share.is_some());
                assert!(PERSONA_COLOURS.contains(&p.colour.as_str()));
            }
            let kinds: Vec<LaneKind> = map.lanes.iter().map(|l| l.kind).collect();
            assert_eq!(kinds.len(), 9);

            let channels: HashSet<Channel> = map.touchpoints.iter().map(|t| t.channel).collect();
            assert!(channels.len() >= 3);
            assert!(channels.iter().any(|c| c.is_online()));
            assert!(channels.iter().any(|c| !c.is_online()));
            let classes: HashSet<Classification> =
                map.touchpoints.iter().map(|t| t.classification).collect();
            assert_eq!(classes.len(), Classification::ALL.len());
            assert!(map.touchpoints.iter().any(|t| !t.readings.is_empty()));

            let statuses: HashSet<String> = map
                .actions
                .iter()
                .map(|a| format!("{:?}", a.status))
                .collect();
            assert!(map.actions.len() >= 3 && statuses.len() >= 3);

            for stage in &map.stages {
                assert!(
                    !map.stage_touchpoints(&stage.id).is_empty(),
                    "{}",
                    stage.name
                );
                for kind in [LaneKind::Goal, LaneKind::Doing, LaneKind::Thinking] {
                    let lane = lane_of(&map, kind);
                    assert!(!map.cell_cards(lane, &stage.id, None).is_empty());
                }
                for p in &map.personas {
                    let v = map.emotion(&stage.id, Some(&p.id), false).expect("emotion");
                    assert!((EMOTION_MIN..=EMOTION_MAX).contains(&v));
                }
            }
            assert!(map
                .emotions
                .iter()
                .all(|e| (EMOTION_MIN..=EMOTION_MAX).contains(&e.value)));
            // Persona-specific "doing" cards.
            let doing = lane_of(&map, LaneKind::Doing);
            for p in &map.personas {
                assert!(map
                    .cards
                    .iter()
                    .any(|c| c.lane == doing && c.persona.as_deref() == Some(p.id.as_str())));
            }
            for kind in [
                LaneKind::PainPoints,
                LaneKind::Gains,
                LaneKind::Opportunities,
            ] {
                let lane = lane_of(&map, kind);
                let stages: HashSet<&str> = map
                    .cards
                    .iter()
                    .filter(|c| c.lane == lane)
                    .map(|c| c.stage.as_str())
                    .collect();
                assert!(stages.len() >= 2, "{kind:?} on several stages");
            }
        }
    }

    #[test]
    fn emotion_curve_dips_at_delivery_and_personas_differ() {
        let map = demo(Lang::En);
        let delivery = &map.stages[DELIVERY].id;
        for p in &map.personas {
            let curve: Vec<i8> = map
                .stages
                .iter()
                .map(|s| map.emotion(&s.id, Some(&p.id), false).unwrap())
                .collect();
            let low = *curve.iter().min().unwrap();
            assert_eq!(map.emotion(delivery, Some(&p.id), false), Some(low));
        }
        let (a, b) = (&map.personas[0].id, &map.personas[1].id);
        assert!(map
            .stages
            .iter()
            .any(|s| map.emotion(&s.id, Some(a), false) != map.emotion(&s.id, Some(b), false)));
    }

    #[test]
    fn french_and_english_have_the_same_shape() {
        let en = demo(Lang::En);
        let fr = demo(Lang::Fr);
        assert_ne!(en.title, fr.title);
        assert_eq!(en.personas.len(), fr.personas.len());
        assert_eq!(en.stages.len(), fr.stages.len());
        assert_eq!(en.lanes, fr.lanes);
        assert_eq!(en.cards.len(), fr.cards.len());
        assert_eq!(en.touchpoints.len(), fr.touchpoints.len());
        assert_eq!(en.emotions, fr.emotions);
        assert_eq!(en.actions.len(), fr.actions.len());
        // Same ids in the same places; only the words differ.
        assert_eq!(all_ids(&en), all_ids(&fr));
        for (e, f) in en.cards.iter().zip(&fr.cards) {
            assert_eq!(
                (&e.lane, &e.stage, &e.persona),
                (&f.lane, &f.stage, &f.persona)
            );
        }
        for (e, f) in en.touchpoints.iter().zip(&fr.touchpoints) {
            assert_eq!((e.channel, e.classification), (f.channel, f.classification));
            let figures = |t: &Touchpoint| -> Vec<(Metric, Vec<u32>, Option<f64>)> {
                t.readings
                    .iter()
                    .map(|r| (r.metric, r.answers.clone(), r.value))
                    .collect()
            };
            assert_eq!(figures(e), figures(f));
        }
        for (e, f) in en.actions.iter().zip(&fr.actions) {
            assert_eq!(
                (&e.card, &e.touchpoint, e.status),
                (&f.card, &f.touchpoint, f.status)
            );
        }
        assert_ne!(en.stages[0].name, fr.stages[0].name);
    }

    #[test]
    fn round_trips_through_json() {
        for lang in Lang::ALL {
            let map = demo(lang);
            let json = serde_json::to_string(&map).unwrap();
            let back: JourneyMap = serde_json::from_str(&json).unwrap();
            assert_eq!(back, map);
        }
    }
}
