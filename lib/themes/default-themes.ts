import type { Locale } from "../i18n/locales";

export type ThemeKeywords = Record<Locale, string[]>;

// The themes every tenant starts with; they edit them on the themes page. "wait*" matches every word starting
// with "wait"; several words match as a phrase. Matching ignores case and accents.
export const DEFAULT_THEMES: { name: string; keywords: ThemeKeywords }[] = [
  {
    name: "Waiting time",
    keywords: {
      en: ["wait*", "queue*", "slow*", "took ages", "minutes", "crowded"],
      de: ["wart*", "gewartet", "schlange*", "langsam*", "minuten", "dauert*"],
      nl: ["wacht*", "gewacht", "rij", "traag", "langzaam", "minuten", "druk"],
      pl: ["czeka*", "kolejk*", "wolno", "minut*", "długo"],
      fr: ["attend*", "attente", "queue", "file d'attente", "lent*", "minutes"],
    },
  },
  {
    name: "Staff friendliness",
    keywords: {
      en: ["staff", "rude*", "friendly", "unfriendly", "helpful", "polite*", "team", "employee*", "cashier*"],
      de: ["mitarbeiter*", "personal", "unfreundlich*", "freundlich*", "hilfsbereit*", "verkäufer*", "team"],
      nl: ["personeel", "medewerk*", "onvriendelijk*", "vriendelijk*", "behulpza*", "brutaal", "team"],
      pl: ["obsług*", "personel*", "pracowni*", "niemił*", "miła", "miły", "uprzejm*", "pomocn*", "kasjer*"],
      fr: ["personnel", "employé*", "vendeu*", "désagréable*", "aimable*", "sympathique*", "serviable*", "impoli*", "équipe"],
    },
  },
  {
    name: "Price",
    keywords: {
      en: ["price*", "expensive", "cheap*", "offer*", "promotion*", "discount*", "value"],
      de: ["preis*", "teuer*", "günstig*", "billig*", "angebot*", "aktion*", "rabatt*"],
      nl: ["prijs*", "prijz*", "duur", "goedkop*", "aanbieding*", "korting*", "actie*"],
      pl: ["cen*", "drogo", "drogi*", "tani*", "taniej", "promocj*", "rabat*"],
      fr: ["prix", "cher", "chère", "promotion*", "promo*", "réduction*", "offre*"],
    },
  },
  {
    name: "Product quality",
    keywords: {
      en: ["fresh*", "quality", "past its date", "expired", "mouldy", "stale", "produce"],
      de: ["frisch*", "qualität*", "abgelaufen*", "verdorben*", "schimmel*"],
      nl: ["vers*", "kwaliteit*", "over datum", "bedorven", "beschimmeld"],
      pl: ["śwież*", "jakoś*", "przetermin*", "zepsut*", "spleśnia*"],
      fr: ["frais", "fraîch*", "qualité*", "périmé*", "moisi*"],
    },
  },
  {
    name: "Stock availability",
    keywords: {
      en: ["out of stock", "in stock", "empty shelves", "shelves", "sold out", "couldn't find", "could not find"],
      de: ["ausverkauft*", "vorrätig", "leere regale", "regal*", "nicht gefunden", "nicht da"],
      nl: ["uitverkocht", "niet op voorraad", "voorraad", "lege schappen", "schap*", "niet te vinden"],
      pl: ["brak*", "brakował*", "wyprzedan*", "półk*", "nie było"],
      fr: ["rupture*", "en stock", "rayon*", "vide*", "introuvable*"],
    },
  },
  {
    name: "Cleanliness",
    keywords: {
      en: ["dirty", "clean*", "rubbish", "mess*", "smell*", "tidy", "untidy"],
      de: ["schmutzig*", "dreckig*", "sauber*", "müll", "unordentlich*", "gestank", "riecht"],
      nl: ["vies", "vuil*", "schoon", "netjes", "rommel*", "afval", "stinkt"],
      pl: ["brud*", "czyst*", "śmieci", "bałagan*", "śmierdz*"],
      fr: ["sale*", "propre*", "propreté", "déchets", "désordre", "odeur*"],
    },
  },
  {
    name: "Checkout and payment",
    keywords: {
      en: ["checkout*", "till*", "self-checkout*", "card payment", "payment*", "pay", "receipt", "cash"],
      de: ["kasse*", "selbstbedienungskasse*", "kartenzahlung", "zahlung*", "bezahl*", "bon", "quittung"],
      nl: ["kassa*", "zelfscan*", "pinnen", "betal*", "bon", "bonnetje"],
      pl: ["kas*", "kasa samoobsługowa", "płatnoś*", "płaci*", "karta", "kartą", "paragon*"],
      fr: ["caisse*", "paiement*", "payer", "carte", "ticket", "reçu"],
    },
  },
  {
    name: "Delivery",
    keywords: {
      en: ["deliver*", "parcel*", "courier*", "shipping", "arrived late", "order*"],
      de: ["liefer*", "paket*", "zusteller*", "versand*", "bestellung*"],
      nl: ["bezorg*", "lever*", "pakket*", "koerier*", "bestelling*"],
      pl: ["dostaw*", "dostarcz*", "paczk*", "kurier*", "zamówieni*"],
      fr: ["livr*", "colis", "coursier*", "commande*", "expédition*"],
    },
  },
  {
    name: "Store and parking",
    keywords: {
      en: ["parking", "car park", "trolley*", "opening hours", "layout"],
      de: ["parkplatz*", "parken", "einkaufswagen*", "öffnungszeit*"],
      nl: ["parkeer*", "parkeren", "winkelwagen*", "openingstijd*"],
      pl: ["parking*", "parkowa*", "wózk*", "godziny otwarcia"],
      fr: ["parking*", "stationnement", "chariot*", "horaires"],
    },
  },
];
