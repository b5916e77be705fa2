"""Fixture news texts: one event told by three outlets, plus unrelated items."""

from __future__ import annotations

BRIDGE_A = [
    "The Harrow Valley railway bridge reopened on Tuesday after an 18-month, 240 million euro "
    "reconstruction, the regional transport authority said.",
    "The first train crossed the new steel span at 6.40 a.m., carrying about 300 commuters "
    "between Lindau and Marktheim.",
    "\"This bridge is the backbone of the valley,\" transport minister Clara Voss told reporters "
    "at the opening ceremony.",
    "The old stone viaduct was closed in March last year after engineers found deep cracks in "
    "two of its piers.",
    "Freight operators had warned that the closure was costing them 2 million euros a month in "
    "detours.",
    "The authority said trains would run every 15 minutes during peak hours from next week.",
]
BRIDGE_B = [
    "Trains are running again over the Harrow Valley railway bridge, which reopened on Tuesday "
    "after a reconstruction that took 18 months and cost 240 million euros.",
    "The first train crossed the new steel span at 6.40 a.m. with roughly 300 commuters on "
    "board, travelling between Lindau and Marktheim.",
    "\"This bridge is the backbone of our valley,\" transport minister Clara Voss said at the "
    "opening ceremony.",
    "Engineers closed the old stone viaduct in March last year after finding deep cracks in two "
    "of its piers.",
    "Local residents gathered on the riverbank to watch the first crossing, some holding "
    "banners thanking the construction crews.",
]
BRIDGE_C = [
    "The Harrow Valley railway bridge reopened on Tuesday following an 18-month reconstruction "
    "costing 250 million euros, officials said.",
    "About 300 commuters were on the first train to cross the new steel span between Lindau "
    "and Marktheim at 6.40 a.m.",
    "\"This bridge is the backbone of the valley,\" said transport minister Clara Voss.",
    "The stone viaduct it replaces was shut in March last year when engineers discovered deep "
    "cracks in two piers.",
    "Freight operators said the closure had cost them 2 million euros a month in detours.",
    "Opposition lawmakers criticised the project for running six months behind schedule.",
]
ORCHESTRA = [
    "The city orchestra of Veldenbrück announced on Monday that it will tour South America "
    "next spring for the first time in its history.",
    "The ensemble plans twelve concerts in five countries, opening in Buenos Aires in April.",
    "Its chief conductor said the programme would feature works by local composers alongside "
    "Brahms and Dvořák.",
]
HARVEST_V1 = [
    "Farmers in the northern plains expect a record wheat harvest this year, the agriculture "
    "ministry said on Wednesday.",
    "The ministry forecast output of 31 million tonnes, up 8 percent from last year.",
    "Warm weather in May and steady rain in June helped the crop, officials said.",
]
HARVEST_V2 = [
    "Farmers in the northern plains expect a record wheat harvest this year, the agriculture "
    "ministry said on Wednesday.",
    "The ministry raised its forecast to 33 million tonnes, up 14 percent from last year, "
    "after a late survey of the fields.",
    "Warm weather in May and steady rain in June helped the crop, officials said.",
    "Grain traders said prices could fall as a result.",
]
