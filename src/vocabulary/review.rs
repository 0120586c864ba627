//! Reviews: the kinds of review, the reporting guidelines studies follow,
//! and the tools reviews appraise their included studies with.

vocabulary! {
    /// The kind of review a review study is: how it searched, what it
    /// includes and how it synthesises.
    pub enum ReviewType: kind ReviewType, mapping () {
        SystematicReview = "systematic_review" {
            label: "Systematic review",
            definition: "A review that searches for, selects, appraises and synthesises the studies on a question by an explicit, reproducible method set out in advance, such as a registered protocol.",
            sources: [IMPLEMENTATION_INFLUENCES_REVIEW],
            mapping: (),
        },
        QualitativeEvidenceSynthesis = "qualitative_evidence_synthesis" {
            label: "Qualitative evidence synthesis",
            definition: "A systematic review of qualitative studies that integrates their findings into new interpretations (also called a meta-synthesis); the kind of review GRADE-CERQual assesses.",
            sources: [GRADE_CERQUAL],
            mapping: (),
        },
        MetaEthnography = "meta_ethnography" {
            label: "Meta-ethnography",
            definition: "A qualitative evidence synthesis that translates the concepts of the included studies into one another and builds a line of argument from them.",
            sources: [EMERGE],
            mapping: (),
        },
        ThematicSynthesis = "thematic_synthesis" {
            label: "Thematic synthesis",
            definition: "A qualitative evidence synthesis that codes the findings of the included studies line by line, groups the codes into descriptive themes, and develops analytical themes from them.",
            sources: [THEMATIC_SYNTHESIS],
            mapping: (),
        },
        FrameworkSynthesis = "framework_synthesis" {
            label: "Framework synthesis",
            definition: "A synthesis that charts the findings of the included studies against a framework chosen or built in advance, such as CFIR.",
            sources: [],
            mapping: (),
        },
        NarrativeReview = "narrative_review" {
            label: "Narrative review",
            definition: "A review that summarises a literature in words, without a systematic search or a formal synthesis method.",
            sources: [],
            mapping: (),
        },
        ScopingReview = "scoping_review" {
            label: "Scoping review",
            definition: "A review that maps the extent, range and nature of the research on a topic, usually without appraising the studies it includes.",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: (),
        },
        RapidReview = "rapid_review" {
            label: "Rapid review",
            definition: "A systematic review with steps simplified or left out to deliver evidence in less time.",
            sources: [],
            mapping: (),
        },
        UmbrellaReview = "umbrella_review" {
            label: "Umbrella review",
            definition: "A review of reviews: it includes systematic and other reviews rather than primary studies, so its sample counts reviews.",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: (),
        },
        MixedMethodsReview = "mixed_methods_review" {
            label: "Mixed-methods review",
            definition: "A review that includes and integrates qualitative, quantitative and mixed-methods studies.",
            sources: [],
            mapping: (),
        },
    }
}

vocabulary! {
    /// A reporting guideline a study says it followed.
    pub enum ReportingGuideline: kind ReportingGuideline, mapping () {
        Coreq = "coreq" {
            label: "COREQ",
            definition: "Consolidated criteria for reporting qualitative research: a 32-item checklist for interview and focus-group studies, in three domains (research team and reflexivity, study design, analysis and findings).",
            sources: [COREQ],
            mapping: (),
        },
        Srqr = "srqr" {
            label: "SRQR",
            definition: "Standards for Reporting Qualitative Research: a 21-item checklist for qualitative research in general.",
            sources: [SRQR],
            mapping: (),
        },
        Entreq = "entreq" {
            label: "ENTREQ",
            definition: "Enhancing transparency in reporting the synthesis of qualitative research: a 21-item checklist for syntheses of qualitative studies.",
            sources: [ENTREQ],
            mapping: (),
        },
        Prisma2009 = "prisma_2009" {
            label: "PRISMA 2009",
            definition: "The Preferred Reporting Items for Systematic reviews and Meta-Analyses in their first, 2009 form, which reviews followed until the 2020 update.",
            sources: [PRISMA_2009, IMPLEMENTATION_INFLUENCES_REVIEW],
            mapping: (),
        },
        Prisma2020 = "prisma_2020" {
            label: "PRISMA 2020",
            definition: "The Preferred Reporting Items for Systematic reviews and Meta-Analyses, in their 2020 form: the reporting guideline for systematic reviews.",
            sources: [PRISMA_2020],
            mapping: (),
        },
        PrismaScr = "prisma_scr" {
            label: "PRISMA-ScR",
            definition: "The PRISMA extension for scoping reviews.",
            sources: [PRISMA_SCR],
            mapping: (),
        },
        Emerge = "emerge" {
            label: "eMERGe",
            definition: "The reporting guidance for meta-ethnography.",
            sources: [EMERGE],
            mapping: (),
        },
        Rameses = "rameses" {
            label: "RAMESES",
            definition: "Reporting standards for realist syntheses and meta-narrative reviews.",
            sources: [RAMESES],
            mapping: (),
        },
        Other = "other" {
            label: "Other guideline",
            definition: "A reporting guideline not listed here; the study's notes can name it.",
            sources: [],
            mapping: (),
        },
    }
}

vocabulary! {
    /// A tool a review appraises the quality of its included studies (or
    /// reviews) with.
    pub enum AppraisalTool: kind AppraisalTool, mapping () {
        CaspQualitative = "casp_qualitative" {
            label: "CASP qualitative checklist",
            definition: "The Critical Appraisal Skills Programme checklist for qualitative studies.",
            sources: [],
            mapping: (),
        },
        Jbi = "jbi" {
            label: "JBI critical appraisal",
            definition: "A Joanna Briggs Institute critical appraisal checklist, such as the one for qualitative research.",
            sources: [],
            mapping: (),
        },
        Amstar2 = "amstar_2" {
            label: "AMSTAR 2",
            definition: "A MeaSurement Tool to Assess systematic Reviews, version 2: it rates confidence in a review's results as high, moderate, low or critically low.",
            sources: [AMSTAR_2, PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: (),
        },
        Mmat = "mmat" {
            label: "MMAT",
            definition: "The Mixed Methods Appraisal Tool, for qualitative, quantitative and mixed-methods studies alike.",
            sources: [MMAT],
            mapping: (),
        },
        Other = "other" {
            label: "Other tool",
            definition: "An appraisal tool not listed here; the appraisal's notes can name it.",
            sources: [],
            mapping: (),
        },
    }
}
