"""Providers' annual reports: structure (providers, units, programmes, cost carriers, populations), definitions
(indicators, dimensions, versioned category sets) and facts (observations at the finest grain, figures as printed)."""

from izvedba.providers.models.definitions import Category, CategorySet, Dimension, Indicator
from izvedba.providers.models.facts import DataFile, Observation, PrintedFigure, TableLabel
from izvedba.providers.models.feeds import IndicatorFeed
from izvedba.providers.models.narrative import NarrativeBlock
from izvedba.providers.models.structure import CostCarrier, PopulationSnapshot, Programme, Provider, Unit

__all__ = [
    "Category",
    "CategorySet",
    "CostCarrier",
    "DataFile",
    "Dimension",
    "Indicator",
    "IndicatorFeed",
    "NarrativeBlock",
    "Observation",
    "PopulationSnapshot",
    "PrintedFigure",
    "Programme",
    "Provider",
    "TableLabel",
    "Unit",
]
