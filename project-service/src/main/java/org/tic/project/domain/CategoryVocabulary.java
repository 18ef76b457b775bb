package org.tic.project.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * Each project category in the vocabularies of the trackers the anchors use, so exports and partners line up with
 * them: the IEA's technology tracking (Tracking Clean Energy Progress and its CCUS and hydrogen project databases),
 * Global Energy Monitor's trackers (GEM, by the tracker that covers such assets) and the Mission Possible Partnership's
 * decarbonization levers (MPP). A null term means the vocabulary has no equivalent. These are the closest terms, not
 * official crosswalks; the README holds the same table.
 */
public final class CategoryVocabulary {

    public record Terms(String label, String iea, String gem, String mpp) {
    }

    private static final Map<ProjectCategory, Terms> TERMS = new EnumMap<>(ProjectCategory.class);

    static {
        put(ProjectCategory.CO2_CAPTURE, "CO2 capture", "CCUS: capture", null, "Carbon capture (CCUS)");
        put(ProjectCategory.CO2_TRANSPORT_STORAGE, "CO2 transport and storage", "CCUS: transport and storage", null,
                "Carbon capture (CCUS)");
        put(ProjectCategory.HYDROGEN_AND_DERIVATIVES, "Hydrogen and derivatives", "Hydrogen", null, "Low-emission hydrogen");
        put(ProjectCategory.ELECTRIFICATION, "Electrification", "Electrification", null, "Electrification");
        put(ProjectCategory.RENEWABLE_POWER, "Renewable power", "Renewable electricity",
                "Global Integrated Power Tracker (wind, solar, hydropower, geothermal)", "Clean power");
        put(ProjectCategory.ENERGY_EFFICIENCY, "Energy efficiency", "Energy efficiency", null, "Energy efficiency");
        put(ProjectCategory.CIRCULARITY_SYMBIOSIS, "Circularity and industrial symbiosis", "Industry: material efficiency",
                null, "Material efficiency and circularity");
        put(ProjectCategory.SHARED_INFRASTRUCTURE, "Shared infrastructure", null, "Global Gas Infrastructure Tracker", null);
        put(ProjectCategory.LOW_CARBON_MATERIALS, "Low-carbon materials", "Industry: near-zero emission materials",
                "Global Steel Plant Tracker; Global Cement and Concrete Tracker", "Near-zero steel, cement and chemicals");
        put(ProjectCategory.BIOENERGY_BIOMETHANE, "Bioenergy and biomethane", "Bioenergy", "Global Bioenergy Power Tracker",
                "Bio-based feedstocks and fuels");
        put(ProjectCategory.LOW_CARBON_FUELS, "Low-carbon fuels", "Low-emission fuels", null, "Sustainable fuels (aviation, shipping)");
        put(ProjectCategory.ENERGY_STORAGE, "Energy storage", "Grid-scale storage", null, null);
        put(ProjectCategory.NUCLEAR, "Nuclear", "Nuclear power", "Global Nuclear Power Tracker", "Clean power");
        put(ProjectCategory.ELECTRIFICATION_OF_HEAT, "Electrification of heat", "Heat pumps; industrial electrification", null,
                "Electrification of heat");
        put(ProjectCategory.CIRCULARITY_RECYCLING, "Circularity and recycling", "Industry: recycling", null,
                "Recycling and secondary production");
        put(ProjectCategory.OTHER, "Other", null, null, null);
    }

    private CategoryVocabulary() {
    }

    private static void put(ProjectCategory c, String label, String iea, String gem, String mpp) {
        TERMS.put(c, new Terms(label, iea, gem, mpp));
    }

    public static Terms of(ProjectCategory category) {
        return TERMS.get(category);
    }
}
