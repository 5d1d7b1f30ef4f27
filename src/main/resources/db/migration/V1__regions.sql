-- Morocco's 12 regions (2015 division); codes are ISO 3166-2:MA and never change.
CREATE TABLE region (
    code    text PRIMARY KEY CHECK (code ~ '^MA-[0-9]{2}$'),
    name_ar text NOT NULL,
    name_fr text NOT NULL,
    name_en text NOT NULL
);

INSERT INTO region (code, name_ar, name_fr, name_en) VALUES
    ('MA-01', 'طنجة تطوان الحسيمة', 'Tanger-Tétouan-Al Hoceïma', 'Tangier-Tetouan-Al Hoceima'),
    ('MA-02', 'الشرق', 'L''Oriental', 'Oriental'),
    ('MA-03', 'فاس مكناس', 'Fès-Meknès', 'Fez-Meknes'),
    ('MA-04', 'الرباط سلا القنيطرة', 'Rabat-Salé-Kénitra', 'Rabat-Sale-Kenitra'),
    ('MA-05', 'بني ملال خنيفرة', 'Béni Mellal-Khénifra', 'Beni Mellal-Khenifra'),
    ('MA-06', 'الدار البيضاء سطات', 'Casablanca-Settat', 'Casablanca-Settat'),
    ('MA-07', 'مراكش آسفي', 'Marrakech-Safi', 'Marrakesh-Safi'),
    ('MA-08', 'درعة تافيلالت', 'Drâa-Tafilalet', 'Draa-Tafilalet'),
    ('MA-09', 'سوس ماسة', 'Souss-Massa', 'Souss-Massa'),
    ('MA-10', 'كلميم واد نون', 'Guelmim-Oued Noun', 'Guelmim-Oued Noun'),
    ('MA-11', 'العيون الساقية الحمراء', 'Laâyoune-Sakia El Hamra', 'Laayoune-Sakia El Hamra'),
    ('MA-12', 'الداخلة وادي الذهب', 'Dakhla-Oued Ed-Dahab', 'Dakhla-Oued Ed-Dahab');
